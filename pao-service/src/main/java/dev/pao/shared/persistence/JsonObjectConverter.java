package dev.pao.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a JSON object ({@code Map} of JSON values) in a JSONB column. The data source sends
 * strings untyped ({@code stringType=unspecified}), so PostgreSQL casts the text to jsonb.
 */
@Converter
public class JsonObjectConverter implements AttributeConverter<Map<String, Object>, Object> {
  private static final java.lang.reflect.Type TYPE =
      new LinkedHashMap<String, Object>() {
        private static final long serialVersionUID = 1L;
      }.getClass().getGenericSuperclass();

  @Override
  public Object convertToDatabaseColumn(Map<String, Object> value) {
    return value == null ? null : Json.write(value);
  }

  @Override
  public Map<String, Object> convertToEntityAttribute(Object json) {
    // The driver answers jsonb as a PGobject (its toString() is the JSON text) or as a String.
    return json == null ? null : Json.read(json.toString(), TYPE);
  }
}
