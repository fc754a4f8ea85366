package dev.pao.security.dev;

import java.util.List;

/** What a development token should say about its holder. */
public record DevTokenRequest(String email, String name, List<String> teams, List<String> roles) {}
