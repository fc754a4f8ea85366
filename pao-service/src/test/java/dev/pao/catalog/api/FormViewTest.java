package dev.pao.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.yaml.SafeYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormViewTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> definition(String form) {
    return (Map<String, Object>) SafeYaml.forCatalog().parse("spec:\n  form:\n" + form).tree();
  }

  @Test
  void fieldsKeepOrderOptionsAreResolvedAndTheJsonSchemaMatches() {
    Map<String, Object> view =
        FormView.of(
            definition(
                """
                    fields:
                      - {id: zeta, type: select, options: [a, {value: b, label: Bee}], default: a}
                      - {id: alpha, type: integer, min: 1, max: 9, required: true}
                      - {id: tags, type: multiselect, options: [x, y]}
                      - {id: secret, type: string, sensitive: true, default: hunter2}
                    groups:
                      - id: net
                        fields: [{id: vpc, type: string, required: true, pattern: "^vpc-"}]
                """));
    List<?> fields = (List<?>) view.get("fields");
    assertEquals("zeta", ((Map<?, ?>) fields.get(0)).get("id"));
    assertEquals(
        List.of(Map.of("value", "a", "label", "a"), Map.of("value", "b", "label", "Bee")),
        ((Map<?, ?>) fields.get(0)).get("options"));
    assertEquals("***", ((Map<?, ?>) fields.get(3)).get("default"));
    Map<?, ?> schema = (Map<?, ?>) view.get("json_schema");
    assertEquals(List.of("alpha", "net"), schema.get("required"));
    Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
    assertEquals(List.of("a", "b"), ((Map<?, ?>) properties.get("zeta")).get("enum"));
    assertEquals(9L, ((Map<?, ?>) properties.get("alpha")).get("maximum"));
    assertEquals("array", ((Map<?, ?>) properties.get("tags")).get("type"));
    Map<?, ?> secret = (Map<?, ?>) properties.get("secret");
    assertTrue((Boolean) secret.get("writeOnly"));
    assertFalse(secret.containsKey("default"));
    Map<?, ?> net = (Map<?, ?>) properties.get("net");
    assertEquals(List.of("vpc"), net.get("required"));
  }
}
