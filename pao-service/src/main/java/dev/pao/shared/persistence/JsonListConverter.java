package dev.pao.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/** Stores a JSON array of strings in a JSONB column (see {@link JsonObjectConverter}). */
@Converter
public class JsonListConverter implements AttributeConverter<List<String>, Object> {
  private static final java.lang.reflect.Type TYPE =
      new ArrayList<String>() {
        private static final long serialVersionUID = 1L;
      }.getClass().getGenericSuperclass();

  @Override
  public Object convertToDatabaseColumn(List<String> value) {
    return value == null ? null : Json.write(value);
  }

  @Override
  public List<String> convertToEntityAttribute(Object json) {
    // The driver answers jsonb as a PGobject (its toString() is the JSON text) or as a String.
    return json == null ? null : Json.read(json.toString(), TYPE);
  }
}
