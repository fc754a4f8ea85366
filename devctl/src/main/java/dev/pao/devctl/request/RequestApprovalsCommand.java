package dev.pao.devctl.request;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What waits for your approval (GET /api/v1/approvals). */
@Command(
    name = "approvals",
    description = "List the requests awaiting an approval you may give, newest first.")
public final class RequestApprovalsCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<JsonObject> approvals =
        connection
            .client()
            .all("/api/v1/approvals", new java.util.HashMap<>(Map.of("limit", "200")));
    if (output.structured()) {
      var array = Json.createArrayBuilder();
      approvals.forEach(array::add);
      output.printStructured(array.build());
    } else {
      ApprovalDecision.print(output, approvals);
    }
    return ExitCodes.OK;
  }
}
