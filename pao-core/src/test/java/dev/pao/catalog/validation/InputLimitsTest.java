package dev.pao.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No submitted value can make the form check run away: text is bounded by default, the e-mail check
 * and catalog patterns run in linear time, and numbers are bounded in magnitude and digits.
 */
class InputLimitsTest {
  private static final Duration QUICK = Duration.ofSeconds(2);

  @Test
  void aCraftedAddressIsRefusedInLinearTime() {
    // The shape that made the former e-mail pattern backtrack quadratically (4 s for 20,000
    // characters): many dots after the @ and a character at the end that no part may hold.
    String crafted = "a@" + "a.".repeat(40_000) + " ";
    Map<String, Object> email = Map.of("type", "email", "maxLength", 1_000_000);
    Optional<String> problem =
        assertTimeoutPreemptively(QUICK, () -> FieldValueRules.check(email, crafted));
    assertTrue(problem.orElseThrow().endsWith("is not an e-mail address"), problem.get());
    assertEquals(Optional.empty(), FieldValueRules.check(email, "dev@example.com"));
    assertEquals(Optional.empty(), FieldValueRules.check(email, "dev@.example.com"));
    assertTrue(FieldValueRules.check(email, "dev@example.").isPresent());
    assertTrue(FieldValueRules.check(email, "dev@.example").isPresent());
    assertTrue(FieldValueRules.check(email, "dev@ex@ample.com").isPresent());
    assertTrue(FieldValueRules.check(email, "dev@example .com").isPresent());
  }

  @Test
  void aTextFieldWithoutMaxLengthAcceptsAtMostTheDefaultCap() {
    Map<String, Object> name = Map.of("type", "string");
    assertEquals(Optional.empty(), FieldValueRules.check(name, "a".repeat(4096)));
    assertEquals(
        Optional.of("must be at most 4096 characters long (it has 300000)"),
        FieldValueRules.check(name, "a".repeat(300_000)));
    assertEquals(
        Optional.empty(),
        FieldValueRules.check(Map.of("type", "text", "maxLength", 10_000), "a".repeat(10_000)));
  }

  @Test
  void aCatastrophicCatalogPatternRunsInLinearTime() {
    // Quadratic or worse for a backtracking engine (a third of a second for 4,000 characters,
    // seconds for 20,000): it tries the ways to cut the letters into words before failing.
    String regex = "^([a-z0-9]+[-.]?)+@example\\.com$";
    Map<String, Object> field = Map.of("type", "string", "pattern", regex, "maxLength", 100_000);
    String evil = "a".repeat(20_000) + "!";
    Optional<String> problem =
        assertTimeoutPreemptively(QUICK, () -> FieldValueRules.check(field, evil));
    assertTrue(problem.orElseThrow().contains("does not match " + regex), problem.get());
    assertEquals(Optional.empty(), FieldValueRules.check(field, "build-01.ci@example.com"));
  }

  @Test
  void aPatternIsCompiledOnceForAllRequests() {
    String regex = "^[a-z]{3}-cached$";
    LinearPatterns.Compiled first = LinearPatterns.compile(regex);
    assertTrue(first.pattern().isPresent());
    assertTrue(first.pattern().get() == LinearPatterns.compile(regex).pattern().get());
  }

  @Test
  void hugeAndTinyNumbersAreRefusedWithoutExpandingThem() {
    Map<String, Object> count = Map.of("type", "integer");
    Map<String, Object> ratio = Map.of("type", "number");
    Optional<String> huge =
        assertTimeoutPreemptively(
            QUICK, () -> FieldValueRules.check(count, new BigDecimal("1e500000000")));
    assertTrue(huge.orElseThrow().startsWith("1E+500000000 is out of range"), huge.get());
    Optional<String> tiny =
        assertTimeoutPreemptively(
            QUICK, () -> FieldValueRules.check(ratio, new BigDecimal("1e-500000000")));
    assertTrue(tiny.orElseThrow().startsWith("1E-500000000 is out of range"), tiny.get());
    Optional<String> long_ =
        assertTimeoutPreemptively(
            QUICK, () -> FieldValueRules.check(count, BigInteger.TEN.pow(200_000)));
    assertTrue(long_.orElseThrow().contains("is out of range"), long_.get());
    assertEquals(
        Optional.of("must be a number, not Infinity"),
        FieldValueRules.check(ratio, Double.POSITIVE_INFINITY));
    assertEquals(Optional.empty(), FieldValueRules.check(ratio, new BigDecimal("1e300")));
    assertEquals(Optional.empty(), FieldValueRules.check(ratio, new BigDecimal("-1e-300")));
    assertEquals(Optional.empty(), FieldValueRules.check(ratio, 0.0));
    assertEquals(Optional.empty(), FieldValueRules.check(count, new BigDecimal("1.5e3")));
  }
}
