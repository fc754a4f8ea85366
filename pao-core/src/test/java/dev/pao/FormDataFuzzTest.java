package dev.pao;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.load.CatalogLoader;
import dev.pao.catalog.load.RepositoryFiles;
import dev.pao.catalog.validation.FieldValueRules;
import dev.pao.catalog.validation.FormFields;
import dev.pao.template.Escaping;
import dev.pao.template.Namespaces;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing of the form check: JSON text (numbers read exactly, as the service reads
 * them) checked against every field of every sample form. Every value is accepted or refused with a
 * reason, never an exception, within a second; an accepted value renders in a template.
 */
class FormDataFuzzTest {
  private static final FuzzBudget BUDGET = new FuzzBudget("form data");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final List<Map<String, Object>> FORMS = sampleForms();
  private static final TemplateEngine ENGINE = new TemplateEngine();

  static {
    check(List.of("warm-up", 1, Map.of())); // loads the checks before the first timed input
  }

  @FuzzTest(maxDuration = "15s")
  void formData(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Object data;
    try {
      data = JSON.readValue(text, Object.class);
    } catch (JsonProcessingException | NumberFormatException notJson) {
      // Jackson throws NumberFormatException for an exponent beyond int range (1e5000000001):
      // text the service's own JSON reader refuses too.
      return;
    }
    BUDGET.run(text, () -> check(data));
  }

  private static void check(Object parsed) {
    for (Map<String, Object> form : FORMS) {
      for (FormFields.Field field : FormFields.of(form)) {
        Object value = valueAt(parsed, field.path());
        if (value == null) {
          continue;
        }
        Optional<String> problem = FieldValueRules.check(field.definition(), value);
        if (problem.isPresent()) {
          if (problem.get().isBlank() || problem.get().length() > 1_000) {
            throw new AssertionError("an unhelpful reason: " + problem.get().length());
          }
        } else {
          render(field.path(), value);
        }
      }
    }
  }

  /** The value at a field's dotted path ({@code network.vpc}); a bare value stands for any. */
  private static Object valueAt(Object data, String path) {
    if (!(data instanceof Map<?, ?>)) {
      return data;
    }
    Object value = data;
    for (String step : path.split("\\.")) {
      value = value instanceof Map<?, ?> map ? map.get(step) : null;
    }
    return value;
  }

  private static void render(String path, Object value) {
    Map<String, Object> current = new TreeMap<>();
    int dot = path.indexOf('.');
    if (dot < 0) {
      current.put(path, value);
    } else {
      current.put(path.substring(0, dot), Map.of(path.substring(dot + 1), value));
    }
    try {
      ENGINE.render(
          "{{.current." + path + "}} {{.current." + path + " | json}}",
          new Namespaces(current, null, null, null, null),
          Escaping.JSON_DOCUMENT);
    } catch (TemplateException limit) {
      if (limit.kind() != TemplateException.Kind.LIMIT) {
        throw limit;
      }
    }
  }

  private static List<Map<String, Object>> sampleForms() {
    Path root = Path.of("").toAbsolutePath().getParent().resolve("catalog-samples");
    Map<String, String> documents = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String relative = root.relativize(path).toString();
        if (relative.startsWith("catalog/") || relative.startsWith("bundles/")) {
          documents.put(relative, Files.readString(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CatalogLoader.Result result =
        new CatalogLoader()
            .load(
                new RepositoryFiles("samples", documents, Optional.empty()),
                CatalogSnapshot.empty(),
                Instant.EPOCH);
    if (!result.rejected().isEmpty() || result.snapshot().documents().isEmpty()) {
      throw new IllegalStateException("the sample catalog does not load: " + result.rejected());
    }
    return result.snapshot().documents().stream()
        .map(CatalogDocument::definition)
        .map(FormFields::formOf)
        .toList();
  }
}
