package dev.pao.devctl;

import dev.pao.devctl.catalog.CatalogCommand;
import dev.pao.devctl.queue.QueueCommand;
import dev.pao.devctl.request.RequestCommand;
import dev.pao.devctl.session.CompletionCommand;
import dev.pao.devctl.session.ContextCommand;
import dev.pao.devctl.session.LoginCommand;
import dev.pao.devctl.session.WhoamiCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command tree: lists the command groups and documents the exit codes. */
@Command(
    name = "devctl",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = DevctlVersion.class,
    description = "The PAO command line: catalog, requests and the action queue.",
    subcommands = {
      LoginCommand.class,
      WhoamiCommand.class,
      ContextCommand.class,
      CatalogCommand.class,
      RequestCommand.class,
      QueueCommand.class,
      CompletionCommand.class
    },
    footerHeading = "%nConfiguration:%n",
    footer = {
      "Contexts live in $XDG_CONFIG_HOME/pao/config.yaml (default ~/.config/pao/config.yaml);",
      "PAO_URL and PAO_TOKEN override the URL and token of the context in use.",
      "NO_COLOR turns colours off."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:rejected or failed (invalid document, request not completed, refused by the server)",
      "2:usage error",
      "3:not authenticated or not allowed",
      "4:not found",
      "5:server unavailable"
    })
public final class Devctl {
  private final Environment environment;

  public Devctl(Environment environment) {
    this.environment = environment;
  }

  public Environment environment() {
    return environment;
  }

  /** The command line for {@code environment}, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Devctl(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new FailureReporter());
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            environment.colours() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    return commandLine;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int exitCode = commandLine(Environment.ofProcess(), out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }
}
