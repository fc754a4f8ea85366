package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pao.request.api.SubmitRequest;
import dev.pao.shared.domain.ValidationException;
import dev.pao.shared.domain.ValidationException.Violation;
import dev.pao.shared.json.Jsons;
import java.time.Duration;
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

  @Test
  void aHugeNumberFromTheRequestBodyIsRefusedWithoutBeingExpanded() {
    // The request body as the API binds it: JSON-B reads the number as a BigDecimal.
    SubmitRequest body =
        Jsons.API.fromJson(
            "{\"catalog_item_id\": \"x\", \"form_data\": {\"count\": 1e500000000,"
                + " \"ratio\": -1e-500000000, \"email\": \"a@"
                + "a.".repeat(20_000)
                + " \"}}",
            SubmitRequest.class);
    Map<String, Object> form =
        Map.of(
            "fields",
            List.of(
                Map.of("id", "count", "type", "integer"),
                Map.of("id", "ratio", "type", "number"),
                Map.of("id", "email", "type", "email")));
    ValidationException refused =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () ->
                assertThrows(
                    ValidationException.class,
                    () -> FormDataValidator.validate(form, body.formData())));
    assertEquals(
        List.of(
            new Violation(
                "count",
                "1E+500000000 is out of range: numbers lie between 1e-300 and 1e300 in magnitude,"
                    + " with at most 1000 digits"),
            new Violation(
                "ratio",
                "-1E-500000000 is out of range: numbers lie between 1e-300 and 1e300 in magnitude,"
                    + " with at most 1000 digits"),
            new Violation("email", "must be at most 4096 characters long (it has 40003)")),
        refused.violations());
  }
}
