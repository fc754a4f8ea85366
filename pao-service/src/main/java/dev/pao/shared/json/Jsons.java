package dev.pao.shared.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The service's two configured JSON-B instances, built once: JSON-B instances are thread-safe and
 * expensive to create, so no class builds its own.
 */
public final class Jsons {
  /** The API's dialect: snake_case property names, nulls left out, unknown properties refused. */
  public static final Jsonb API =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false)
              // A misspelt key is refused, not silently ignored ({"item": ...} for
              // catalog_item_id). The JSON-B implementation's (Yasson's) own switch.
              .setProperty("jsonb.fail-on-unknown-properties", true));

  /** Property names as declared: stored JSON documents, queue message bodies, internal records. */
  public static final Jsonb PLAIN = JsonbBuilder.create();

  private Jsons() {}
}
