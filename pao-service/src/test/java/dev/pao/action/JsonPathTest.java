package dev.pao.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
          Map.of("items", List.of(Map.of("id", "a"), Map.of("id", "b")), "my-name", "n"));

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
  @ValueSource(strings = {"key", "$.", "$.a b", "$[x]", "$.a[0", "$..a", "$.a()"})
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
}
