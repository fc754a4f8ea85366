package dev.pao.devctl.queue;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Moves one dead letter back to the main queue, exactly once (audited). */
@Command(name = "redrive", description = "Move one dead letter back to the main queue (audited).")
public final class QueueRedriveCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The dead letter's message id.")
  String messageId;

  @Override
  public Integer call() {
    JsonObject redriven =
        connection
            .client()
            .post(
                "/api/v1/queue/dlq/" + messageId + "/redrive",
                JsonValue.EMPTY_JSON_OBJECT,
                Map.of())
            .object();
    if (output.structured()) {
      output.printStructured(redriven);
    } else {
      output.out().println("Redriven " + messageId + ": " + redriven);
      output.out().flush();
    }
    return ExitCodes.OK;
  }
}
