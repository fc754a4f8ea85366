package dev.pao.devctl.request;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a request until it reaches a final state, showing its progress on standard error: one
 * line rewritten in place on a terminal, a line per change otherwise.
 */
final class RequestWatch {
  static final Duration POLL = Duration.ofMillis(500);

  private RequestWatch() {}

  static JsonObject await(ApiClient client, String id, OutputOptions output, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    boolean terminal = output.environment().terminal();
    PrintWriter err = output.err();
    String shown = null;
    while (true) {
      JsonObject request = client.get("/api/v1/requests/" + id).object();
      String status = Jsons.text(request, "status", "");
      String line = progress(request);
      if (!line.equals(shown)) {
        if (terminal) {
          err.print("\r\u001b[2K" + line);
        } else {
          err.println(line);
        }
        err.flush();
        shown = line;
      }
      if (RequestStates.isFinal(status)) {
        if (terminal) {
          err.println();
          err.flush();
        }
        return request;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new DevctlException(
            ExitCodes.REJECTED,
            "Request " + id + " is still " + status + " after " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevctlException(ExitCodes.REJECTED, "Interrupted while waiting for " + id);
      }
    }
  }

  /** {@code request in_progress, action 2 of 3 (repo/create: in_progress)}. */
  static String progress(JsonObject request) {
    JsonArray actions = Jsons.array(request, "actions");
    String queue = Jsons.text(request, "queue_position", null);
    String line = "request " + Jsons.text(request, "status", "");
    if (!actions.isEmpty()) {
      int position = actions.size();
      for (int index = 0; index < actions.size(); index++) {
        if (!"completed".equals(Jsons.text(actions.getJsonObject(index), "status", ""))) {
          position = index + 1;
          break;
        }
      }
      JsonObject action = actions.getJsonObject(position - 1);
      String component = Jsons.text(action, "component", null);
      line +=
          ", action "
              + position
              + " of "
              + actions.size()
              + " ("
              + (component == null ? "" : component + "/")
              + Jsons.text(action, "action_id", "")
              + ": "
              + Jsons.text(action, "status", "")
              + ")";
    }
    return queue == null ? line : line + ", queue position " + queue;
  }
}
