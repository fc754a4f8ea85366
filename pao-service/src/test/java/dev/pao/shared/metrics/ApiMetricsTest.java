package dev.pao.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiMetricsTest {
  @ParameterizedTest
  @CsvSource({"200,2xx", "204,2xx", "304,3xx", "404,4xx", "429,4xx", "500,5xx", "503,5xx", "0,5xx"})
  void statusesAreCountedByClass(int status, String label) {
    assertEquals(label, StatusClass.of(status).label());
  }

  @ParameterizedTest
  @CsvSource({
    "GET,GET",
    "POST,POST",
    "DELETE,DELETE",
    "OPTIONS,OPTIONS",
    "PROPFIND,other",
    "get,other"
  })
  void unknownMethodsShareOneLabel(String method, String label) {
    assertEquals(label, ApiMetrics.METHODS.get(ApiMetrics.methodIndex(method)));
  }
}
