package dev.pao.devctl.request;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** An approver's decision on a request awaiting approval, and the listing of what waits. */
final class ApprovalDecision {
  private ApprovalDecision() {}

  /** POSTs the decision and prints where the request stands. */
  static int decide(ApiClient client, OutputOptions output, String id, String verb, String reason) {
    var body = Json.createObjectBuilder();
    if (reason != null) {
      body.add("reason", reason);
    }
    JsonObject approval =
        client.post("/api/v1/requests/" + id + "/" + verb, body.build(), Map.of()).object();
    if (output.structured()) {
      output.printStructured(approval);
    } else {
      output
          .out()
          .println(
              id
                  + ": "
                  + Jsons.text(approval, "status", "?")
                  + " ("
                  + approval.getInt("approvals", 0)
                  + " of "
                  + approval.getInt("min_approvals", 1)
                  + " approvals, "
                  + Jsons.text(approval, "rule", "")
                  + ")");
    }
    return ExitCodes.OK;
  }

  /** The pending approvals as a table: request, item, requester, rule, approvals, due. */
  static void print(OutputOptions output, List<JsonObject> approvals) {
    if (approvals.isEmpty()) {
      output.err().println("Nothing awaits your approval.");
      return;
    }
    Table table = Table.of("REQUEST", "ITEM", "REQUESTER", "RULE", "APPROVALS", "DUE");
    for (JsonObject approval : approvals) {
      table.row(
          Jsons.text(approval, "request_id", ""),
          Jsons.text(approval, "catalog_item_id", ""),
          approval.containsKey("requester")
              ? Jsons.text(approval.getJsonObject("requester"), "email", "")
              : "",
          Jsons.text(approval, "rule", ""),
          approval.getInt("approvals", 0) + "/" + approval.getInt("min_approvals", 1),
          Jsons.text(approval, "due_at", ""));
    }
    output.printTable(table, column -> false);
  }
}
