package dev.pao.devctl.request;

import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.output.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Escalates a failed or stuck request to support. */
@Command(name = "escalate", description = "Escalate a failed or stuck request to support.")
public final class RequestEscalateCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The request id.")
  String id;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "What support should know.")
  String reason;

  @Override
  public Integer call() {
    return Decisions.one(id, connection.client(), output, "escalate", reason);
  }
}
