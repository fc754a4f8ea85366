package dev.pao.bench;

import dev.pao.template.Escaping;
import dev.pao.template.Namespaces;
import dev.pao.template.Rendering;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TreeRendering;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures template throughput for a typical JIRA action: each "render" parses and renders a
 * summary and a description (six references, a few pipes) and renders a small {@code fields} body
 * map. Run with an optional count: {@code TemplateRenderBench [renders]}.
 */
public final class TemplateRenderBench {

  private static final String SUMMARY =
      "Create PostgreSQL {{ .current.name | upper }} ({{.current.size}}) for {{.system.user.email}}";

  private static final String DESCRIPTION =
      """
      Requested by {{.system.user.name | default "unknown"}} (request {{.system.requestId}}).
      Database: {{.current.name}} version {{.metadata.postgres-database.version}}
      VPC: {{.current.network.vpc}}, tags: {{ .current.tags | join ", " }}
      Admin password: {{.current.adminPassword}}
      Previous ticket: {{.output.dbTicketKey | default "none"}}
      """;

  private static final Map<String, Object> BODY =
      Map.of(
          "labels", List.of("pao", "{{.current.size}}", "{{.current.name | slug}}"),
          "fields",
              Map.of(
                  "customfield_10010", "{{.current.network.vpc}}",
                  "customfield_10020", "{{.system.requestId | truncate 8}}"),
          "priority", "Medium");

  private TemplateRenderBench() {}

  /** Runs the benchmark and prints one summary line. */
  public static void main(String[] args) {
    int renders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    TemplateEngine engine = new TemplateEngine();
    Namespaces namespaces = namespaces();

    long sink = run(engine, namespaces, renders * 3);
    long start = System.nanoTime();
    sink += run(engine, namespaces, renders);
    double millis = (System.nanoTime() - start) / 1e6;

    System.out.printf(
        Locale.ROOT,
        "template-render: %d renders in %.1f ms (%.0f renders/s) [checksum %d]%n",
        renders,
        millis,
        renders / (millis / 1000),
        sink);
  }

  private static long run(TemplateEngine engine, Namespaces namespaces, int renders) {
    long sink = 0;
    for (int i = 0; i < renders; i++) {
      Rendering summary = engine.render(SUMMARY, namespaces, Escaping.TEXT);
      Rendering description = engine.render(DESCRIPTION, namespaces, Escaping.TEXT);
      TreeRendering fields = engine.renderTree(BODY, namespaces, Escaping.TEXT);
      sink += summary.text().length() + description.maskedText().length();
      sink += fields.references().size();
    }
    return sink;
  }

  private static Namespaces namespaces() {
    return new Namespaces(
        Map.of(
            "name", "orders-db",
            "size", "medium",
            "tags", List.of("payments", "eu", "critical"),
            "adminPassword", "correct horse battery staple",
            "network", Map.of("vpc", "vpc-0a1b2c3d", "subnet", "subnet-42")),
        Map.of("dbTicketKey", "DBA-1042"),
        Map.of("postgres-database", Map.of("version", "1.4.0", "name", "PostgreSQL Database")),
        Map.of(
            "requestId", "0b7c6f1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e",
            "timestamp", "2025-01-01T00:00:00Z",
            "user", Map.of("email", "dev@example.com", "name", "Dev Eloper")),
        Set.of("adminPassword"));
  }
}
