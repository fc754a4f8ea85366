package dev.pao.catalog.validation;

import dev.pao.catalog.yaml.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of the catalog document format ({@code catalog-format.md}), as published at
 * {@code GET /api/v1/catalog/schema}, and the check of a document against it.
 */
public final class CatalogSchema {
  private static final String RESOURCE = "/catalog/catalog-document.schema.json";
  private static final CatalogSchema INSTANCE = new CatalogSchema();

  private final Map<String, Object> schema;
  private final SchemaValidator validator;

  @SuppressWarnings("unchecked")
  private CatalogSchema() {
    try (InputStream in = CatalogSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      schema = (Map<String, Object>) new SafeYaml(1 << 20, 64, 0, 100_000).parse(text).tree();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    validator = new SchemaValidator(schema);
  }

  public static CatalogSchema get() {
    return INSTANCE;
  }

  /** The schema document itself (read-only). */
  public Map<String, Object> document() {
    return dev.pao.catalog.document.ReadOnly.map(schema);
  }

  /** Every way {@code document} departs from the schema; empty when it conforms. */
  public List<Problem> check(Object document) {
    return validator.validate(document);
  }
}
