package dev.pao.catalog.authoring;

import java.util.List;
import java.util.Map;

/**
 * A template to try out: a string, or a map/list like an action's {@code body}; the four namespaces
 * to render it with; the {@code .current} paths to treat as sensitive; and the escaping of the
 * place it lands ({@code text}, {@code json_string}, {@code json_document}, {@code url_component},
 * {@code yaml}; default {@code text}).
 */
public record TestVariablesRequest(
    Object template,
    Map<String, Map<String, Object>> namespaces,
    List<String> sensitive,
    String escaping) {}
