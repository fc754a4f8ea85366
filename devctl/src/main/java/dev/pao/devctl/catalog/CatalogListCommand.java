package dev.pao.devctl.catalog;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The served items and bundles (GET /api/v1/catalog), every page. */
@Command(name = "list", description = "List catalog items and bundles (GET /api/v1/catalog).")
public final class CatalogListCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Only this category.")
  String category;

  @Option(names = "--tag", paramLabel = "TAG", description = "Only documents with this tag.")
  String tag;

  @Option(names = "--owner", paramLabel = "TEAM", description = "Only this owner.")
  String owner;

  @Option(names = "--kind", paramLabel = "KIND", description = "item or bundle.")
  String kind;

  @Option(
      names = {"-q", "--query"},
      paramLabel = "TEXT",
      description = "Search text.")
  String query;

  @Override
  public Integer call() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("category", category);
    filters.put("tag", tag);
    filters.put("owner", owner);
    filters.put("kind", kind);
    filters.put("q", query);
    List<JsonObject> documents = connection.client().all("/api/v1/catalog", filters);
    if (output.structured()) {
      var array = Json.createArrayBuilder();
      documents.forEach(array::add);
      output.printStructured(array.build());
      return ExitCodes.OK;
    }
    Table table = Table.of("ID", "KIND", "VERSION", "CATEGORY", "OWNER", "NAME");
    for (JsonObject document : documents) {
      table.row(
          Jsons.text(document, "id", ""),
          Jsons.text(document, "kind", ""),
          Jsons.text(document, "version", ""),
          Jsons.text(document, "category", ""),
          Jsons.text(document, "owner", ""),
          Jsons.text(document, "name", ""));
    }
    output.printTable(table, column -> false);
    return ExitCodes.OK;
  }
}
