package dev.pao.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {
  private static final Map<String, Object> RESULT =
      Map.of(
          "key",
          "DBA-1",
          "status",
          201,
          "headers",
          Map.of("x-request-id", "r-9"),
          "body",
          Map.of(
              "items",
              List.of(Map.of("id", "a", "size", 1), Map.of("id", "b", "size", 5)),
              "my-name",
              "n"));

  @ParameterizedTest
  @CsvSource({
    "$.key, DBA-1",
    "$.status, 201",
    "$.headers['x-request-id'], r-9",
    "$.headers[\"x-request-id\"], r-9",
    "$.body.items[0].id, a",
    "$.body.items[-1].id, b",
    "$.body.my-name, n",
  })
  void readsValues(String path, String expected) {
    assertEquals(expected, String.valueOf(JsonPath.compile(path).read(RESULT).orElseThrow()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.missing", "$.body.items[5].id", "$.key.deeper", "$.body.items.id"})
  void missingValuesAreEmpty(String path) {
    assertEquals(Optional.empty(), JsonPath.compile(path).read(RESULT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"key", "$.", "$.a b", "$[x]", "$.a[0"})
  void malformedPathsAreRejectedWithAPosition(String path) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile(path));
    assertTrue(e.getMessage().contains("$") || e.getMessage().contains("position"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"$"})
  void theRootIsTheDocument(String path) {
    assertEquals(RESULT, JsonPath.compile(path).read(RESULT).orElseThrow());
  }

  @Test
  void wildcardsReadEveryMatch() {
    assertEquals(
        List.of("a", "b"), JsonPath.compile("$.body.items[*].id").read(RESULT).orElseThrow());
    assertEquals(List.of("a", "b"), JsonPath.compile("$..id").read(RESULT).orElseThrow());
  }

  @Test
  void filtersSelectElements() {
    assertEquals(
        List.of("b"),
        JsonPath.compile("$.body.items[?(@.size > 2)].id").read(RESULT).orElseThrow());
    assertEquals(
        List.of("a"),
        JsonPath.compile("$.body.items[?(@.id == 'a')].id").read(RESULT).orElseThrow());
  }

  @Test
  void aFilterMatchingNothingYieldsNoValue() {
    assertEquals(
        Optional.empty(), JsonPath.compile("$.body.items[?(@.size > 99)].id").read(RESULT));
  }

  @Test
  void functionsApplyToTheMatches() {
    assertEquals(2, JsonPath.compile("$.body.items.length()").read(RESULT).orElseThrow());
  }

  @Test
  void anUnknownFunctionIsABadPath() {
    assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("$.a()").read(RESULT));
  }
}
