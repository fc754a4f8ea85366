package dev.pao.devctl.session;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The caller as the server understands the token (GET /api/v1/me). */
@Command(name = "whoami", description = "Show who the server thinks you are (GET /api/v1/me).")
public final class WhoamiCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    ApiClient client = connection.client();
    JsonObject me = client.get("/api/v1/me").object();
    if (output.structured()) {
      output.printStructured(me);
      return ExitCodes.OK;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("email", "email");
    labels.put("name", "name");
    labels.put("subject", "subject");
    output.printFields(me, labels);
    output.out().println("teams:   " + joined(me, "teams"));
    output.out().println("roles:   " + joined(me, "roles"));
    output.out().println("server:  " + client.baseUrl());
    output.out().flush();
    return ExitCodes.OK;
  }

  static String joined(JsonObject object, String member) {
    return object.getJsonArray(member).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .collect(Collectors.joining(", "));
  }
}
