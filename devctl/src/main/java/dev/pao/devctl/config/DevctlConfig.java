package dev.pao.devctl.config;

import dev.pao.catalog.yaml.SafeYaml;
import dev.pao.catalog.yaml.YamlProblem;
import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The config file: named contexts and the current one.
 *
 * <pre>
 * current-context: local
 * contexts:
 *   local: {url: http://localhost:9080, token: eyJ...}
 * </pre>
 *
 * It holds tokens, so it is written readable by its owner only.
 */
public final class DevctlConfig {
  public static final String DEFAULT_CONTEXT = "default";

  private final Path file;
  private final Map<String, ContextSettings> contexts;
  private String current;

  private DevctlConfig(Path file, Map<String, ContextSettings> contexts, String current) {
    this.file = file;
    this.contexts = contexts;
    this.current = current;
  }

  /** Reads {@code config.yaml} in {@code directory}; no file means no contexts. */
  public static DevctlConfig load(Path directory) {
    Path file = directory.resolve("config.yaml");
    Map<String, ContextSettings> contexts = new TreeMap<>();
    if (!Files.exists(file)) {
      return new DevctlConfig(file, contexts, null);
    }
    Map<?, ?> tree;
    try {
      tree =
          SafeYaml.forCatalog().parse(Files.readString(file)).tree() instanceof Map<?, ?> map
              ? map
              : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (YamlProblem e) {
      throw new DevctlException(
          ExitCodes.USAGE, file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
    }
    if (tree.get("contexts") instanceof Map<?, ?> named) {
      named.forEach(
          (name, value) -> {
            Map<?, ?> settings = value instanceof Map<?, ?> map ? map : Map.of();
            contexts.put(
                String.valueOf(name),
                new ContextSettings(text(settings.get("url")), text(settings.get("token"))));
          });
    }
    return new DevctlConfig(file, contexts, text(tree.get("current-context")));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  public Path file() {
    return file;
  }

  public Map<String, ContextSettings> contexts() {
    return Map.copyOf(contexts);
  }

  public Optional<String> currentContext() {
    return Optional.ofNullable(current);
  }

  public Optional<ContextSettings> context(String name) {
    return Optional.ofNullable(contexts.get(name));
  }

  /** Stores {@code settings} as context {@code name} and makes it the current one. */
  public void put(String name, ContextSettings settings) {
    contexts.put(name, settings);
    current = name;
  }

  /** Makes {@code name} the current context. */
  public void use(String name) {
    if (!contexts.containsKey(name)) {
      throw new DevctlException(ExitCodes.USAGE, "No context named '" + name + "' in " + file);
    }
    current = name;
  }

  public void save() {
    Map<String, Object> tree = new LinkedHashMap<>();
    if (current != null) {
      tree.put("current-context", current);
    }
    Map<String, Object> named = new LinkedHashMap<>();
    contexts.forEach(
        (name, settings) -> {
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("url", settings.url());
          if (settings.token() != null) {
            values.put("token", settings.token());
          }
          named.put(name, values);
        });
    tree.put("contexts", named);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's own protection applies.
      }
      Files.writeString(file, new Yaml(options).dump(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
