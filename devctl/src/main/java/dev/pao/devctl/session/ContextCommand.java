package dev.pao.devctl.session;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.config.DevctlConfig;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The contexts of the config file. */
@Command(
    name = "context",
    description = "List the contexts of the config file, or choose the current one.",
    subcommands = {ContextCommand.ListContexts.class, ContextCommand.UseContext.class})
public final class ContextCommand {

  /** Lists the contexts, marking the current one. */
  @Command(name = "list", description = "List the contexts; * marks the current one.")
  static final class ListContexts implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      DevctlConfig config = connection.config();
      Table table = Table.of("CURRENT", "NAME", "URL", "TOKEN");
      config.contexts().keySet().stream()
          .sorted()
          .forEach(
              name ->
                  table.row(
                      config.currentContext().filter(name::equals).isPresent() ? "*" : "",
                      name,
                      config.context(name).orElseThrow().url(),
                      config.context(name).orElseThrow().token() == null ? "none" : "set"));
      output.printTable(table, column -> false);
      return ExitCodes.OK;
    }
  }

  /** Makes a context the current one. */
  @Command(name = "use", description = "Make NAME the current context.")
  static final class UseContext implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "NAME", description = "A context of the config file.")
    String name;

    @Override
    public Integer call() {
      DevctlConfig config = connection.config();
      config.use(name);
      config.save();
      output.out().println("Current context: " + name);
      output.out().flush();
      return ExitCodes.OK;
    }
  }
}
