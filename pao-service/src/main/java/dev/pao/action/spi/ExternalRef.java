package dev.pao.action.spi;

/**
 * Something an action created outside PAO: its type (jira, github-commit, ...), the instance it
 * lives on, its key (e.g. {@code DBA-42}) and a URL a person can open.
 */
public record ExternalRef(String type, String instance, String key, String url) {}
