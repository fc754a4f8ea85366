package dev.pao.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldValueRulesTest {
  @Test
  void aMultiselectOptionChosenTwiceIsRefusedAsTheFormsUniqueItemsSays() {
    Map<String, Object> features =
        Map.of("type", "multiselect", "options", List.of("istio", "otel"));
    assertEquals(
        Optional.of("'istio' is chosen more than once"),
        FieldValueRules.check(features, List.of("istio", "istio")));
    assertEquals(Optional.empty(), FieldValueRules.check(features, List.of("istio", "otel")));
  }

  @Test
  void aPatternMismatchExplainsWithTheHelpTextWhenThereIsOne() {
    Map<String, Object> helped =
        Map.of("type", "string", "pattern", "^[a-z]+$", "description", "Lower-case letters only");
    assertEquals(
        Optional.of("'ABC' does not have the expected form: Lower-case letters only"),
        FieldValueRules.check(helped, "ABC"));
    assertEquals(
        Optional.of("'ABC' does not match ^[a-z]+$"),
        FieldValueRules.check(Map.of("type", "string", "pattern", "^[a-z]+$"), "ABC"));
  }
}
