package dev.pao.devctl;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs devctl in-process, as a shell would, and captures its exit code, standard output and
 * standard error. Its environment is the given variables only, with a home of its own.
 */
public final class CliDriver {
  private final Map<String, String> variables = new HashMap<>();
  private final Path home;
  private String input = "";

  public CliDriver(Path home) {
    this.home = home;
  }

  /** The outcome of one run. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public CliDriver env(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** What standard input holds for the next runs. */
  public CliDriver input(String text) {
    this.input = text;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment environment =
        new Environment(
            Map.copyOf(variables),
            home,
            new BufferedReader(new StringReader(input)),
            false,
            0,
            Clock.systemUTC());
    int exitCode =
        Devctl.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
