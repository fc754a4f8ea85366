package dev.pao.devctl.catalog;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** One item or bundle (GET /api/v1/catalog/{id}). */
@Command(name = "show", description = "Show a catalog item or bundle (GET /api/v1/catalog/{id}).")
public final class CatalogShowCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "metadata.id of the document.")
  String id;

  @Override
  public Integer call() {
    JsonObject document = connection.client().get("/api/v1/catalog/" + id).object();
    if (output.structured()) {
      output.printStructured(document);
      return ExitCodes.OK;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("id", "id");
    labels.put("kind", "kind");
    labels.put("name", "name");
    labels.put("version", "version");
    labels.put("category", "category");
    labels.put("owner", "owner");
    labels.put("description", "description");
    labels.put("path", "path");
    labels.put("commit", "commit");
    output.printFields(document, labels);
    Table table = Table.of("ACTION", "TYPE");
    for (JsonValue action : Jsons.array(document, "actions")) {
      table.row(
          Jsons.text(action.asJsonObject(), "id", ""),
          Jsons.text(action.asJsonObject(), "type", ""));
    }
    for (JsonValue component : Jsons.array(document, "components")) {
      table.row(
          Jsons.text(component.asJsonObject(), "id", ""),
          "component: " + Jsons.text(component.asJsonObject(), "item", ""));
    }
    if (!table.isEmpty()) {
      output.out().println();
      output.printTable(table, column -> false);
    }
    return ExitCodes.OK;
  }
}
