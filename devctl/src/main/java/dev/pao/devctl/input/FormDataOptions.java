package dev.pao.devctl.input;

import dev.pao.catalog.yaml.SafeYaml;
import dev.pao.catalog.yaml.YamlProblem;
import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Form data: a YAML or JSON file ({@code --file}), then {@code --set key=value} pairs on top
 * ({@code group.field=value} for a field of a group). A {@code --set} value is typed by its field:
 * numbers for {@code integer}/{@code number}, {@code true}/{@code false} for {@code boolean},
 * comma-separated lists for {@code multiselect}, text otherwise.
 */
public final class FormDataOptions {
  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A form value (repeatable); group fields as group.field=value.")
  List<String> assignments = new ArrayList<>();

  @Option(
      names = {"-f", "--file", "--data"},
      paramLabel = "FILE",
      description = "Form data as a YAML or JSON file.")
  Path file;

  /**
   * The form data.
   *
   * @param fieldType the type of the field at a dotted path, or null when unknown
   */
  public Map<String, Object> values(Function<String, String> fieldType) {
    Map<String, Object> data = new LinkedHashMap<>(fromFile());
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new DevctlException(
            ExitCodes.USAGE, "--set wants KEY=VALUE, not '" + assignment + "'");
      }
      String key = assignment.substring(0, equals);
      Object value = typed(assignment.substring(equals + 1), fieldType.apply(key));
      String[] parts = key.split("\\.", 2);
      if (parts.length == 2) {
        Object group = data.get(parts[0]);
        Map<String, Object> members =
            group instanceof Map<?, ?> map ? copy(map) : new LinkedHashMap<>();
        members.put(parts[1], value);
        data.put(parts[0], members);
      } else {
        data.put(key, value);
      }
    }
    return data;
  }

  private static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }

  private Map<String, Object> fromFile() {
    if (file == null) {
      return Map.of();
    }
    try {
      Object tree = SafeYaml.forCatalog().parse(Files.readString(file)).tree();
      if (!(tree instanceof Map<?, ?> map)) {
        throw new DevctlException(ExitCodes.USAGE, file + ": form data must be a mapping");
      }
      return copy(map);
    } catch (IOException e) {
      throw new DevctlException(ExitCodes.USAGE, "Cannot read " + file + ": " + e.getMessage());
    } catch (YamlProblem e) {
      throw new DevctlException(
          ExitCodes.USAGE, file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
    }
  }

  private static Object typed(String text, String type) {
    if (type == null) {
      return text;
    }
    try {
      return switch (type) {
        case "integer" -> Long.parseLong(text.trim());
        case "number" -> Double.parseDouble(text.trim());
        case "boolean" -> Boolean.parseBoolean(text.trim());
        case "multiselect" -> List.of(text.split(","));
        default -> text;
      };
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
