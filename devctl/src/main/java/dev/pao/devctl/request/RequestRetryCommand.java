package dev.pao.devctl.request;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Retries failed or stuck requests from their failed action. */
@Command(
    name = "retry",
    description = {
      "Retry a failed or stuck request from its failed action (completed actions are not re-run).",
      "--dry-run shows which actions would run again. With --status/--item/--since instead of"
          + " an id, the matching requests are listed and retried after you confirm (--yes: no"
          + " question)."
    })
public final class RequestRetryCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin BatchOptions batch;

  @Parameters(paramLabel = "ID", arity = "0..1", description = "The request id.")
  String id;

  @Option(names = "--dry-run", description = "Only show what a retry would run.")
  boolean dryRun;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail).")
  String reason;

  @Override
  public Integer call() {
    ApiClient client = connection.client();
    if (!dryRun) {
      return Decisions.decide(id, batch, client, output, "retry", reason);
    }
    for (String each : batch.select(id, client, output, "Preview a retry of")) {
      JsonObject plan =
          client
              .post(
                  "/api/v1/requests/" + each + "/retry?dry_run=true",
                  JsonValue.EMPTY_JSON_OBJECT,
                  Map.of())
              .object();
      if (output.structured()) {
        output.printStructured(plan);
        continue;
      }
      output
          .out()
          .println("Request " + each + " (" + Jsons.text(plan, "status", "") + ") would run:");
      Table table = Table.of("#", "COMPONENT", "ACTION", "TYPE", "EXTERNAL SIDE EFFECTS");
      for (JsonValue value : Jsons.array(plan, "will_run")) {
        JsonObject action = value.asJsonObject();
        table.row(
            Jsons.text(action, "index", ""),
            Jsons.text(action, "component", ""),
            Jsons.text(action, "action_id", ""),
            Jsons.text(action, "type", ""),
            Jsons.text(action, "external_side_effects", ""));
      }
      output.printTable(table, column -> false);
    }
    return ExitCodes.OK;
  }
}
