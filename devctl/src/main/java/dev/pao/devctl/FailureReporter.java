package dev.pao.devctl;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints why a command failed, the API's message, its details and correlation id, and answers the
 * exit code. Anything unexpected is reported in one line (exit code 1), without a stack trace.
 */
final class FailureReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean colours =
        ((Devctl) commandLine.getCommandSpec().root().userObject()).environment().colours();
    String prefix = colours ? "\u001b[31merror:\u001b[0m " : "error: ";
    if (exception instanceof DevctlException failure) {
      err.println(prefix + failure.getMessage());
      failure.details().forEach(detail -> err.println("  " + detail));
      err.flush();
      if (failure.exitCode() == ExitCodes.USAGE) {
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
      }
      return failure.exitCode();
    }
    err.println(
        prefix
            + (exception.getMessage() == null
                ? exception.getClass().getSimpleName()
                : exception.getMessage()));
    err.flush();
    return ExitCodes.REJECTED;
  }
}
