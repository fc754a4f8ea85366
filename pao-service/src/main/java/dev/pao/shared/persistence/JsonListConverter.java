package dev.pao.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/** Stores a JSON array of strings in a JSONB column (see {@link JsonObjectConverter}). */
@Converter
public class JsonListConverter implements AttributeConverter<List<String>, String> {
  private static final java.lang.reflect.Type TYPE =
      new ArrayList<String>() {
        private static final long serialVersionUID = 1L;
      }.getClass().getGenericSuperclass();

  @Override
  public String convertToDatabaseColumn(List<String> value) {
    return value == null ? null : Json.write(value);
  }

  @Override
  public List<String> convertToEntityAttribute(String json) {
    return json == null ? null : Json.read(json, TYPE);
  }
}
