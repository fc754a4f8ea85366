package dev.pao.it;

import dev.pao.devctl.Devctl;
import dev.pao.devctl.Environment;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs devctl commands in-process against a server under test, capturing exit code, standard output
 * and standard error. Its environment holds only what the test sets (server URL, token, a config
 * directory of its own).
 */
final class DevctlDriver {
  private final Map<String, String> variables = new HashMap<>();
  private final Path home;
  private String input = "";

  DevctlDriver(Path home, String url, String token) {
    this.home = home;
    variables.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    if (url != null) {
      variables.put("PAO_URL", url);
    }
    if (token != null) {
      variables.put("PAO_TOKEN", token);
    }
  }

  /** The outcome of one run. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** What standard input holds for the next runs. */
  DevctlDriver input(String text) {
    input = text;
    return this;
  }

  Result run(String... args) {
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
