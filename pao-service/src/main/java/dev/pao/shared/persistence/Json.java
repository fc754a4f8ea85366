package dev.pao.shared.persistence;

import dev.pao.shared.json.Jsons;
import java.lang.reflect.Type;

/** JSON documents in JSONB columns, through the shared JSON-B instance. */
final class Json {
  private Json() {}

  static String write(Object value) {
    return Jsons.PLAIN.toJson(value);
  }

  static <T> T read(String json, Type type) {
    return Jsons.PLAIN.fromJson(json, type);
  }
}
