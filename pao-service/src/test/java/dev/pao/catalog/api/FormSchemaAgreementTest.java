package dev.pao.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.load.CatalogLoader;
import dev.pao.catalog.load.RepositoryFiles;
import dev.pao.catalog.validation.FieldValueRules;
import dev.pao.catalog.validation.FormFields;
import dev.pao.request.application.FormDataValidator;
import dev.pao.shared.domain.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's form check and the JSON Schema it publishes for a form ({@code json_schema}) agree:
 * generated valid and invalid form data for every sample form, judged by the server and by an
 * independent JSON Schema validator (networknt, draft 2020-12), gets the same verdict every time.
 */
class FormSchemaAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CANDIDATE_TEXTS =
      List.of(
          "orders",
          "orders-api",
          "orders.events",
          "vpc-0a1b2c3d",
          "build-01",
          "dev@example.com",
          "https://orders.example.com",
          "2027-06-30",
          "10.0.0.0/8",
          "Ada Lovelace",
          "a-longer-justification-text");

  @Test
  void serverAndPublishedSchemaAgreeOnGeneratedDataForEverySampleForm() {
    int judged = 0;
    int accepted = 0;
    for (CatalogDocument document : samples()) {
      Map<String, Object> form = FormFields.formOf(document.definition());
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(JSON.<JsonNode>valueToTree(FormView.jsonSchema(form)));
      for (Map<String, Object> data : generated(form)) {
        boolean server = serverAccepts(form, data);
        boolean published = schema.validate(asSent(data)).isEmpty();
        assertEquals(
            server,
            published,
            document.id()
                + ": "
                + data
                + " server "
                + (server ? "accepts" : "refuses")
                + ", schema "
                + schema.validate(asSent(data)));
        judged++;
        accepted += server ? 1 : 0;
      }
    }
    assertTrue(judged > 200, "inputs judged: " + judged);
    assertTrue(accepted > 20 && accepted < judged - 100, "accepted " + accepted + "/" + judged);
  }

  /**
   * The data as a client's JSON parser reads it (numbers as doubles). Given a big decimal tree
   * instead, the independent validator accepts 1E+300 against an integer {@code maximum} of 43200.
   */
  private static JsonNode asSent(Map<String, Object> data) {
    try {
      return JSON.readTree(JSON.writeValueAsString(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean serverAccepts(Map<String, Object> form, Map<String, Object> data) {
    try {
      FormDataValidator.validate(form, data);
      return true;
    } catch (ValidationException refused) {
      return false;
    }
  }

  /** A valid document, then one mutation per field and kind of mistake. */
  private static List<Map<String, Object>> generated(Map<String, Object> form) {
    List<FormFields.Field> fields = FormFields.of(form);
    Map<String, Object> valid = new LinkedHashMap<>();
    for (FormFields.Field field : fields) {
      validValue(field).ifPresent(value -> put(valid, field.path(), value));
    }
    List<Map<String, Object>> inputs = new ArrayList<>();
    inputs.add(valid);
    inputs.add(Map.of());
    inputs.add(with(valid, "unknownField", "x"));
    for (FormFields.Field field : fields) {
      for (Object value : otherValues(field)) {
        inputs.add(with(valid, field.path(), value));
      }
      inputs.add(without(valid, field.path()));
      int dot = field.path().indexOf('.');
      if (dot > 0) {
        inputs.add(with(valid, field.path().substring(0, dot), "not-a-group"));
      }
    }
    return inputs;
  }

  private static Optional<Object> validValue(FormFields.Field field) {
    Map<String, Object> definition = field.definition();
    if (definition.get("default") != null) {
      return Optional.of(definition.get("default"));
    }
    List<Object> candidates = new ArrayList<>(otherValues(field));
    return candidates.stream()
        .filter(value -> FieldValueRules.check(definition, value).isEmpty())
        .findFirst();
  }

  /** Values of every kind for a field: right and wrong types, edges of its ranges and lengths. */
  private static List<Object> otherValues(FormFields.Field field) {
    Map<String, Object> definition = field.definition();
    List<Object> values = new ArrayList<>();
    List<Object> options = FormFields.optionValues(definition);
    switch (field.type()) {
      case "integer", "number" -> {
        values.add(1);
        values.add(42);
        values.add(2.5);
        values.add("7");
        // The bounds on every number: magnitudes up to 1e300, and from 1e-300 unless zero.
        values.add(new BigDecimal("1e300"));
        values.add(new BigDecimal("-1e301"));
        values.add(new BigDecimal("1e500000000"));
        values.add(new BigDecimal("1e-301"));
        values.add(new BigDecimal("-1e-300"));
        values.add(0);
        if (definition.get("min") instanceof Number min) {
          values.add(min.longValue());
          values.add(min.longValue() - 1);
        }
        if (definition.get("max") instanceof Number max) {
          values.add(max.longValue());
          values.add(max.longValue() + 1);
        }
      }
      case "boolean" -> {
        values.add(true);
        values.add("yes");
      }
      case "select" -> {
        values.addAll(options);
        values.add("not-an-option");
        values.add(List.of(options.get(0)));
      }
      case "multiselect" -> {
        values.add(List.of(options.get(0)));
        values.add(options);
        values.add(List.of(options.get(0), options.get(0)));
        values.add(List.of("not-an-option"));
        values.add(options.get(0));
        values.add(List.of());
      }
      default -> {
        values.addAll(CANDIDATE_TEXTS);
        values.add(12);
        values.add("x");
        values.add("not an address");
        values.add("30/06/2027");
        values.add("ftp://files.example.com");
        // The field's maxLength, or the default cap when it has none.
        int max = (int) FieldValueRules.maxLength(definition);
        values.add("a".repeat(max));
        values.add("a".repeat(max + 1));
        values.add("dev@" + "a.".repeat(max / 2));
      }
    }
    return values;
  }

  private static Map<String, Object> with(Map<String, Object> data, String path, Object value) {
    Map<String, Object> copy = deepCopy(data);
    put(copy, path, value);
    return copy;
  }

  private static Map<String, Object> without(Map<String, Object> data, String path) {
    Map<String, Object> copy = deepCopy(data);
    int dot = path.indexOf('.');
    if (dot < 0) {
      copy.remove(path);
    } else if (copy.get(path.substring(0, dot)) instanceof Map<?, ?> group) {
      group.remove(path.substring(dot + 1));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> data, String path, Object value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      data.put(path, value);
      return;
    }
    Object group = data.get(path.substring(0, dot));
    Map<String, Object> inner =
        group instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    inner.put(path.substring(dot + 1), value);
    data.put(path.substring(0, dot), inner);
  }

  private static Map<String, Object> deepCopy(Map<String, Object> data) {
    Map<String, Object> copy = new LinkedHashMap<>();
    data.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> map) {
            copy.put(key, new LinkedHashMap<>(map));
          } else {
            copy.put(key, value);
          }
        });
    return copy;
  }

  private static List<CatalogDocument> samples() {
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
    RepositoryFiles files = new RepositoryFiles("samples", documents, Optional.empty());
    CatalogLoader.Result result =
        new CatalogLoader().load(files, CatalogSnapshot.empty(), Instant.now());
    assertEquals(List.of(), result.rejected());
    return result.snapshot().documents().stream().toList();
  }
}
