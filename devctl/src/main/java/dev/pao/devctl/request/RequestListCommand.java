package dev.pao.devctl.request;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Your and your teams' requests, newest first (GET /api/v1/requests). */
@Command(
    name = "list",
    description = "List your and your teams' requests, newest first (admins: all).")
public final class RequestListCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin RequestFilters filters;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N requests (default: ${DEFAULT-VALUE}); --all for every one.")
  int limit;

  @Option(names = "--all", description = "Every matching request, page after page.")
  boolean all;

  @Override
  public Integer call() {
    ApiClient client = connection.client();
    Map<String, String> query = filters.query(output.environment().clock());
    List<JsonObject> requests;
    if (all) {
      query.put("limit", "200");
      requests = client.all("/api/v1/requests", query);
    } else {
      query.put("limit", String.valueOf(limit));
      requests = new ArrayList<>();
      client
          .get("/api/v1/requests", query)
          .data()
          .asJsonArray()
          .forEach(row -> requests.add(row.asJsonObject()));
    }
    if (output.structured()) {
      var array = Json.createArrayBuilder();
      requests.forEach(array::add);
      output.printStructured(array.build());
    } else {
      RequestPrinter.list(output, requests);
    }
    return ExitCodes.OK;
  }
}
