package dev.pao.devctl.request;

import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.output.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Approves a request awaiting your approval. */
@Command(
    name = "approve",
    description =
        "Approve a request awaiting approval (you must be one of its approvers, not its requester).")
public final class RequestApproveCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The request id.")
  String id;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      required = false,
      description = "Why (kept in the audit trail).")
  String reason;

  @Override
  public Integer call() {
    return ApprovalDecision.decide(connection.client(), output, id, "approve", reason);
  }
}
