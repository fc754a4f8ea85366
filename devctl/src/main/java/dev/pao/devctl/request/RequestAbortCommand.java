package dev.pao.devctl.request;

import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.output.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Aborts failed or stuck requests (their dead letters are removed). */
@Command(
    name = "abort",
    description = {
      "Abort a failed or stuck request, one not started yet, or one whose action is waiting"
          + " (the wait is dropped; its DLQ messages are removed).",
      "With --status/--item/--since instead of an id, the matching requests are listed and"
          + " aborted after you confirm (--yes: no question)."
    })
public final class RequestAbortCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin BatchOptions batch;

  @Parameters(paramLabel = "ID", arity = "0..1", description = "The request id.")
  String id;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail).")
  String reason;

  @Override
  public Integer call() {
    return Decisions.decide(id, batch, connection.client(), output, "abort", reason);
  }
}
