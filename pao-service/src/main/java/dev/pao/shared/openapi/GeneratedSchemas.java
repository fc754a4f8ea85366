package dev.pao.shared.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The schemas MicroProfile OpenAPI derives from Java records: objects without any properties. */
final class GeneratedSchemas {
  private GeneratedSchemas() {}

  static void dropEmpty(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    for (String name : List.copyOf(schemas.keySet())) {
      if (isEmptyObject(schemas.get(name))) {
        openAPI.getComponents().removeSchema(name);
      }
    }
  }

  private static boolean isEmptyObject(Schema schema) {
    return schema.getRef() == null
        && (schema.getType() == null || schema.getType() == Schema.SchemaType.OBJECT)
        && isEmpty(schema.getProperties())
        && schema.getAdditionalPropertiesSchema() == null
        && schema.getAdditionalPropertiesBoolean() == null
        && isEmpty(schema.getAllOf())
        && isEmpty(schema.getOneOf())
        && isEmpty(schema.getAnyOf())
        && isEmpty(schema.getEnumeration())
        && schema.getItems() == null;
  }

  private static boolean isEmpty(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
