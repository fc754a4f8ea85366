package dev.pao.devctl.request;

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

/** State, progress and live status of external tickets (GET /api/v1/requests/{id}/status). */
@Command(
    name = "status",
    description = "Show a request's state, progress and the live status of its external tickets.")
public final class RequestStatusCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The request id.")
  String id;

  @Override
  public Integer call() {
    JsonObject status = connection.client().get("/api/v1/requests/" + id + "/status").object();
    if (output.structured()) {
      output.printStructured(status);
      return ExitCodes.OK;
    }
    JsonObject progress = Jsons.object(status, "progress");
    output
        .out()
        .println(
            Jsons.text(status, "id", id)
                + "  "
                + output.styles().status(Jsons.text(status, "status", ""))
                + "  "
                + Jsons.text(progress, "completed", "0")
                + "/"
                + Jsons.text(progress, "total", "0")
                + " actions done"
                + (Jsons.text(status, "status_reason", null) == null
                    ? ""
                    : "  (" + Jsons.text(status, "status_reason", "") + ")"));
    Table external = Table.of("#", "TYPE", "KEY", "STATUS", "URL");
    for (JsonValue value : Jsons.array(status, "external")) {
      JsonObject ticket = value.asJsonObject();
      external.row(
          Jsons.text(ticket, "action_index", ""),
          Jsons.text(ticket, "type", ""),
          Jsons.text(ticket, "key", ""),
          Jsons.text(ticket, "external_status", Jsons.text(ticket, "fulfilment", "")),
          Jsons.text(ticket, "url", ""));
    }
    if (!external.isEmpty()) {
      output.out().println();
      output.printTable(external, column -> false);
    }
    output.out().flush();
    return ExitCodes.OK;
  }
}
