package dev.pao.devctl.request;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.input.FormDataOptions;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Submits a request (POST /api/v1/requests) and, with {@code --wait}, follows it to the end. */
@Command(
    name = "submit",
    description = {
      "Submit a request for a catalog item or bundle (POST /api/v1/requests).",
      "An Idempotency-Key is generated and printed; rerun with --idempotency-key KEY to repeat"
          + " safely (the same request is answered, nothing new is created).",
      "--wait follows the request: exit 0 when it completes, 1 for any other final state."
    })
public final class RequestSubmitCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin FormDataOptions formData;

  @Parameters(paramLabel = "ITEM", description = "Id of the catalog item or bundle.")
  String item;

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Reuse this key.")
  String idempotencyKey;

  @Option(names = "--wait", description = "Wait until the request reaches a final state.")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "How long --wait waits (default: ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Override
  public Integer call() {
    ApiClient client = connection.client();
    Map<String, String> types = fieldTypes(client);
    JsonValue form = Jsons.fromJava(formData.values(types::get));
    JsonObject body =
        Json.createObjectBuilder().add("catalog_item_id", item).add("form_data", form).build();
    String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    output.err().println("Idempotency-Key: " + key);
    output.err().flush();
    JsonObject request =
        client.post("/api/v1/requests", body, Map.of("Idempotency-Key", key)).object();
    String id = Jsons.text(request, "id", "");
    if (await) {
      if (!output.structured()) {
        output.out().println("Submitted request " + id);
        output.out().flush();
      }
      request = RequestWatch.await(client, id, output, Duration.ofSeconds(timeoutSeconds));
    }
    if (output.structured()) {
      output.printStructured(request);
    } else {
      RequestPrinter.detail(output, request);
    }
    String status = Jsons.text(request, "status", "");
    return !await || status.equals(RequestStates.COMPLETED) ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private Map<String, String> fieldTypes(ApiClient client) {
    JsonObject form = client.get("/api/v1/catalog/" + item + "/form").object();
    Map<String, String> types = new HashMap<>();
    Jsons.array(form, "fields")
        .forEach(
            field ->
                types.put(
                    Jsons.text(field.asJsonObject(), "id", ""),
                    Jsons.text(field.asJsonObject(), "type", null)));
    for (JsonValue group : Jsons.array(form, "groups")) {
      String prefix = Jsons.text(group.asJsonObject(), "id", "") + ".";
      Jsons.array(group.asJsonObject(), "fields")
          .forEach(
              field ->
                  types.put(
                      prefix + Jsons.text(field.asJsonObject(), "id", ""),
                      Jsons.text(field.asJsonObject(), "type", null)));
    }
    return types;
  }
}
