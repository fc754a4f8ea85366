package dev.pao.devctl;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What devctl reads from the world outside its arguments: environment variables, the user's home,
 * standard input, whether output goes to a terminal, and the clock. Tests pass their own.
 *
 * @param terminal whether standard output is an interactive terminal (progress lines, colours,
 *     tables sized to its width)
 * @param columns the terminal's width in columns (ignored off a terminal)
 */
public record Environment(
    Map<String, String> variables,
    Path userHome,
    BufferedReader input,
    boolean terminal,
    int columns,
    Clock clock) {

  /** The process's own environment. */
  public static Environment ofProcess() {
    return new Environment(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        System.console() != null,
        System.console() != null ? TerminalSize.columns(System.getenv()) : 0,
        Clock.systemUTC());
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  /** Colours only on a terminal, and never when {@code NO_COLOR} is set. */
  public boolean colours() {
    return terminal && !variables.containsKey("NO_COLOR");
  }

  /** The width tables must fit: the terminal's, unlimited off a terminal. */
  public int width() {
    return terminal ? columns : Integer.MAX_VALUE;
  }

  /** {@code $XDG_CONFIG_HOME/pao}, or {@code ~/.config/pao}. */
  public Path configDirectory() {
    return variable("XDG_CONFIG_HOME")
        .map(Path::of)
        .orElse(userHome.resolve(".config"))
        .resolve("pao");
  }
}
