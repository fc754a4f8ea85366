package dev.pao.devctl.request;

import picocli.CommandLine.Command;

/** The request commands. */
@Command(
    name = "request",
    description = "Submit requests, follow them, and retry, abort or escalate failed ones.",
    subcommands = {
      RequestSubmitCommand.class,
      RequestListCommand.class,
      RequestShowCommand.class,
      RequestStatusCommand.class,
      RequestLogsCommand.class,
      RequestRetryCommand.class,
      RequestAbortCommand.class,
      RequestEscalateCommand.class,
      RequestApproveCommand.class,
      RequestRejectCommand.class,
      RequestApprovalsCommand.class
    })
public final class RequestCommand {}
