package dev.pao.devctl.request;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** A person's decision on failed or stuck requests: one request, or a confirmed batch. */
final class Decisions {
  private Decisions() {}

  /** POSTs {@code {"reason"}} to {@code /api/v1/requests/{id}/<verb>} for each selected request. */
  static int decide(
      String id,
      BatchOptions batch,
      ApiClient client,
      OutputOptions output,
      String verb,
      String reason) {
    List<String> ids = batch.select(id, client, output, capitalised(verb));
    if (ids.isEmpty()) {
      return ExitCodes.OK;
    }
    if (id != null) {
      return one(id, client, output, verb, reason);
    }
    return BatchOptions.each(
        ids, output, each -> Jsons.text(post(client, each, verb, reason), "status", "?"));
  }

  /** The decision on one request; its new state is printed. */
  static int one(String id, ApiClient client, OutputOptions output, String verb, String reason) {
    JsonObject request = post(client, id, verb, reason);
    if (output.structured()) {
      output.printStructured(request);
    } else {
      RequestPrinter.detail(output, request);
    }
    return ExitCodes.OK;
  }

  private static JsonObject post(ApiClient client, String id, String verb, String reason) {
    var body = Json.createObjectBuilder();
    if (reason != null) {
      body.add("reason", reason);
    }
    return client.post("/api/v1/requests/" + id + "/" + verb, body.build(), Map.of()).object();
  }

  private static String capitalised(String verb) {
    return Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
  }
}
