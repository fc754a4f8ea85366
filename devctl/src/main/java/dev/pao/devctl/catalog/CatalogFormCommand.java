package dev.pao.devctl.catalog;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The form of an item or bundle (GET /api/v1/catalog/{id}/form). */
@Command(
    name = "form",
    description = "Show the form of an item or bundle (GET /api/v1/catalog/{id}/form).")
public final class CatalogFormCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "metadata.id of the document.")
  String id;

  @Override
  public Integer call() {
    JsonObject form = connection.client().get("/api/v1/catalog/" + id + "/form").object();
    if (output.structured()) {
      output.printStructured(form);
      return ExitCodes.OK;
    }
    Table table = Table.of("FIELD", "TYPE", "REQUIRED", "DEFAULT", "LABEL");
    Jsons.array(form, "fields").forEach(field -> row(table, "", field.asJsonObject()));
    for (JsonValue group : Jsons.array(form, "groups")) {
      String prefix = Jsons.text(group.asJsonObject(), "id", "") + ".";
      Jsons.array(group.asJsonObject(), "fields")
          .forEach(field -> row(table, prefix, field.asJsonObject()));
    }
    output.printTable(table, column -> false);
    return ExitCodes.OK;
  }

  private static void row(Table table, String prefix, JsonObject field) {
    table.row(
        prefix + Jsons.text(field, "id", ""),
        Jsons.text(field, "type", ""),
        Jsons.text(field, "required", "false"),
        Jsons.text(field, "default", ""),
        Jsons.text(field, "label", ""));
  }
}
