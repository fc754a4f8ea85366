package dev.pao.catalog.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeYamlTest {
  private final SafeYaml yaml = SafeYaml.forCatalog();

  @Test
  void plainValuesKeepOrderTypesAndPositions() {
    ParsedYaml parsed =
        yaml.parse("b: 1\na:\n  - x\n  - {y: true, z: 2.5, d: 2024-01-31, n: null}\n");
    Map<?, ?> tree = (Map<?, ?>) parsed.tree();
    assertEquals(List.of("b", "a"), List.copyOf(tree.keySet()));
    assertEquals(1L, tree.get("b"));
    Map<?, ?> inner = (Map<?, ?>) ((List<?>) tree.get("a")).get(1);
    assertEquals(true, inner.get("y"));
    assertEquals(2.5, inner.get("z"));
    assertEquals("2024-01-31", inner.get("d"));
    assertTrue(inner.containsKey("n"));
    assertEquals(4, parsed.positionOf("a[1].z").line());
    assertEquals(3, parsed.positionOf("a[0]").line());
    assertEquals(4, parsed.positionOf("a[1].missing").line());
  }

  @Test
  void customTagsDuplicateKeysAndSeveralDocumentsAreRejected() {
    YamlProblem tag = assertThrows(YamlProblem.class, () -> yaml.parse("a: !!java.io.File x\n"));
    assertTrue(tag.getMessage().contains("tag"), tag.getMessage());
    YamlProblem duplicate = assertThrows(YamlProblem.class, () -> yaml.parse("a: 1\na: 2\n"));
    assertEquals(2, duplicate.line());
    assertThrows(YamlProblem.class, () -> yaml.parse("a: 1\n---\nb: 2\n"));
    assertThrows(YamlProblem.class, () -> yaml.parse("a: &x {k: 1}\nb:\n  <<: *x\n"));
  }

  @Test
  void sizeDepthAndAliasLimitsHold() {
    assertThrows(YamlProblem.class, () -> new SafeYaml(10, 10, 10, 100).parse("a: 12345678901\n"));
    assertThrows(YamlProblem.class, () -> yaml.parse("a: " + "[".repeat(60) + "]".repeat(60)));
    StringBuilder aliases = new StringBuilder("a: &a [x]\nb: [");
    for (int i = 0; i < 30; i++) {
      aliases.append(i == 0 ? "" : ", ").append("*a");
    }
    aliases.append("]\n");
    assertThrows(YamlProblem.class, () -> yaml.parse(aliases.toString()));
  }
}
