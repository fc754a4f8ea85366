package dev.pao.devctl.request;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The execution log (GET /api/v1/requests/{id}/logs): the audit trail and every attempt; with
 * {@code --follow}, new entries as they appear until the request reaches a final state.
 */
@Command(
    name = "logs",
    description = {
      "Show a request's audit trail and action attempts (masked payloads, errors).",
      "--follow prints new entries until the request reaches a final state."
    })
public final class RequestLogsCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The request id.")
  String id;

  @Option(
      names = {"-F", "--follow"},
      description = "Keep printing new entries.")
  boolean follow;

  @Override
  public Integer call() {
    ApiClient client = connection.client();
    int eventsShown = 0;
    int attemptsShown = 0;
    while (true) {
      boolean done =
          !follow
              || RequestStates.isFinal(
                  Jsons.text(client.get("/api/v1/requests/" + id).object(), "status", ""));
      JsonObject logs = client.get("/api/v1/requests/" + id + "/logs").object();
      if (output.structured()) {
        if (done) {
          output.printStructured(logs);
          return ExitCodes.OK;
        }
      } else {
        eventsShown = printEvents(Jsons.array(logs, "events"), eventsShown);
        attemptsShown = printAttempts(Jsons.array(logs, "attempts"), attemptsShown);
        if (done) {
          return ExitCodes.OK;
        }
      }
      try {
        Thread.sleep(RequestWatch.POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevctlException(ExitCodes.REJECTED, "Interrupted while following " + id);
      }
    }
  }

  private int printEvents(JsonArray events, int from) {
    for (int index = from; index < events.size(); index++) {
      JsonObject event = events.getJsonObject(index);
      String transition =
          Jsons.text(event, "to", null) == null
              ? ""
              : " " + Jsons.text(event, "from", "-") + " -> " + Jsons.text(event, "to", "");
      String reason = Jsons.text(event, "reason", null);
      output
          .out()
          .println(
              Jsons.text(event, "occurred_at", "")
                  + "  "
                  + Jsons.text(event, "event_type", "")
                  + transition
                  + "  by "
                  + Jsons.text(event, "actor", "")
                  + (reason == null ? "" : "  reason: " + reason));
    }
    output.out().flush();
    return events.size();
  }

  private int printAttempts(JsonArray attempts, int from) {
    for (int index = from; index < attempts.size(); index++) {
      JsonObject attempt = attempts.getJsonObject(index);
      String error = Jsons.text(attempt, "error", null);
      output
          .out()
          .println(
              Jsons.text(attempt, "started_at", "")
                  + "  action "
                  + Jsons.text(attempt, "action_index", "")
                  + " attempt "
                  + Jsons.text(attempt, "attempt", "")
                  + ": "
                  + Jsons.text(attempt, "outcome", "")
                  + (error == null ? "" : "  " + error));
    }
    output.out().flush();
    return attempts.size();
  }
}
