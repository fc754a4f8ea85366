package dev.pao.catalog.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private static Condition.ConditionInput input(Map<String, Object> form) {
    return new Condition.ConditionInput(
        form,
        Map.of("email", "ada@example.com", "teams", List.of("team-data"), "roles", List.of()),
        Map.of("id", "redis-cache", "kind", "item", "category", "databases"));
  }

  @Test
  void readsFormValuesOfEveryNumericKind() {
    Condition condition =
        Condition.compile("form.environment == 'prod' && form.size > 2 && form.memory <= 1.5");
    assertTrue(
        condition.test(
            input(Map.of("environment", "prod", "size", 3, "memory", new BigDecimal("1.5")))));
    assertFalse(condition.test(input(Map.of("environment", "prod", "size", 2L, "memory", 1.0))));
  }

  @Test
  void seesTheRequesterAndTheItem() {
    assertTrue(
        Condition.compile("'team-data' in requester.teams && item.category == 'databases'")
            .test(input(Map.of())));
  }

  @Test
  void anAbsentValueCanBeTestedAndReadingItFails() {
    Map<String, Object> form = new java.util.HashMap<>();
    form.put("environment", null);
    assertFalse(Condition.compile("has(form.environment)").test(input(form)));
    Condition reads = Condition.compile("form.environment == 'prod'");
    assertThrows(ConditionException.class, () -> reads.test(input(form)));
  }

  @Test
  void refusesSyntaxErrorsNonBooleansAndUnknownVariablesAtCompileTime() {
    ConditionException syntax =
        assertThrows(ConditionException.class, () -> Condition.compile("form.size == "));
    assertTrue(syntax.column() > 1, syntax.getMessage());
    assertThrows(ConditionException.class, () -> Condition.compile("1 + 2"));
    assertThrows(ConditionException.class, () -> Condition.compile("system.env == 'x'"));
    assertThrows(
        ConditionException.class, () -> Condition.compile("x".repeat(Condition.MAX_LENGTH + 1)));
  }

  @Test
  void boundsComprehensions() {
    Condition heavy =
        Condition.compile(
            "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b,"
                + " [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, a + b + c + d"
                + " > 0))))");
    assertThrows(ConditionException.class, () -> heavy.test(input(Map.of())));
  }
}
