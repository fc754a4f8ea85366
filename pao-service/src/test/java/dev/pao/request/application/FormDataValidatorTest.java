package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pao.shared.domain.ValidationException;
import dev.pao.shared.domain.ValidationException.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDataValidatorTest {
  private static final Map<String, Object> FORM =
      Map.of(
          "fields",
          List.of(
              Map.of("id", "features", "type", "multiselect", "options", List.of("istio", "otel"))),
          "groups",
          List.of(
              Map.of(
                  "id",
                  "network",
                  "fields",
                  List.of(
                      Map.of("id", "vpc", "type", "string"),
                      Map.of("id", "cidr", "type", "string")))));

  @Test
  void aGroupGivenAsAStringIsReportedOnce() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () -> FormDataValidator.validate(FORM, Map.of("network", "vpc-1")));
    assertEquals(
        List.of(new Violation("network", "must be an object with the group's fields")),
        refused.violations());
  }

  @Test
  void anOptionChosenTwiceIsRefused() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () -> FormDataValidator.validate(FORM, Map.of("features", List.of("istio", "istio"))));
    assertEquals(
        List.of(new Violation("features", "'istio' is chosen more than once")),
        refused.violations());
  }
}
