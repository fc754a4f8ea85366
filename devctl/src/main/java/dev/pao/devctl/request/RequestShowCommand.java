package dev.pao.devctl.request;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A request with its actions, outputs and queue position (GET /api/v1/requests/{id}). */
@Command(
    name = "show",
    description = "Show a request: actions, outputs and, while queued, its queue position.")
public final class RequestShowCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The request id.")
  String id;

  @Override
  public Integer call() {
    JsonObject request = connection.client().get("/api/v1/requests/" + id).object();
    if (output.structured()) {
      output.printStructured(request);
    } else {
      RequestPrinter.detail(output, request);
    }
    return ExitCodes.OK;
  }
}
