package dev.pao.devctl.request;

import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How requests look in table output. */
final class RequestPrinter {
  private RequestPrinter() {}

  static void list(OutputOptions output, List<JsonObject> requests) {
    Table table = Table.of("ID", "STATUS", "ITEM", "VERSION", "CREATED", "REQUESTER");
    for (JsonObject request : requests) {
      table.row(
          Jsons.text(request, "id", ""),
          Jsons.text(request, "status", ""),
          Jsons.text(request, "catalog_item_id", ""),
          Jsons.text(request, "catalog_item_version", ""),
          Jsons.text(request, "created_at", ""),
          Jsons.text(Jsons.object(request, "requester"), "email", ""));
    }
    output.printTable(table, column -> column == 1);
  }

  static void detail(OutputOptions output, JsonObject request) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("id", "id");
    labels.put("status", "status");
    labels.put("status_reason", "reason");
    labels.put("catalog_item_id", "item");
    labels.put("catalog_item_version", "version");
    labels.put("queue_position", "queue position");
    labels.put("correlation_id", "correlation id");
    labels.put("created_at", "created");
    labels.put("finished_at", "finished");
    output.printFields(request, labels);
    Table actions = Table.of("#", "COMPONENT", "ACTION", "TYPE", "STATUS", "ATTEMPT", "EXTERNAL");
    for (JsonValue value : Jsons.array(request, "actions")) {
      JsonObject action = value.asJsonObject();
      JsonObject external = Jsons.object(action, "external_ref");
      String error = Jsons.text(Jsons.object(action, "error"), "message", null);
      actions.row(
          Jsons.text(action, "index", ""),
          Jsons.text(action, "component", ""),
          Jsons.text(action, "action_id", ""),
          Jsons.text(action, "type", ""),
          Jsons.text(action, "status", ""),
          Jsons.text(action, "attempt", ""),
          error != null
              ? error
              : String.join(" ", Jsons.text(external, "key", ""), Jsons.text(external, "url", ""))
                  .strip());
    }
    if (!actions.isEmpty()) {
      output.out().println();
      output.printTable(actions, column -> column == 4);
    }
    JsonObject outputs = Jsons.object(request, "outputs");
    if (!outputs.isEmpty()) {
      output.out().println();
      Table table = Table.of("OUTPUT", "VALUE");
      outputs.forEach((key, value) -> table.row(key, Jsons.text(outputs, key, "")));
      output.printTable(table, column -> false);
    }
  }
}
