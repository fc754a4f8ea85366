package dev.pao.catalog.validation;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact comparisons of the numbers a parsed document holds (integers, longs, doubles, ...). */
final class Numbers {
  /**
   * The most significant digits a form number may have. With the magnitude limits below this keeps
   * every accepted number short wherever it is written out in full.
   */
  static final int MAX_DIGITS = 1000;

  static final BigDecimal LARGEST = new BigDecimal("1e300");
  static final BigDecimal SMALLEST = new BigDecimal("1e-300");

  private Numbers() {}

  /**
   * Whether a form value lies within the limits: zero, or a magnitude from 1e-300 to 1e300 with at
   * most {@link #MAX_DIGITS} digits. A number such as {@code 1e500000000} would otherwise expand
   * into a huge string or integer wherever it is written out (plain text, templates, hashes).
   */
  static boolean inRange(BigDecimal value) {
    if (value.signum() == 0) {
      return true;
    }
    if (value.precision() > MAX_DIGITS) {
      return false;
    }
    BigDecimal magnitude = value.abs();
    return magnitude.compareTo(LARGEST) <= 0 && magnitude.compareTo(SMALLEST) >= 0;
  }

  /** Whether the number is a real value (a double may be infinite or not a number). */
  static boolean isFinite(Number number) {
    return !(number instanceof Double d && (d.isNaN() || d.isInfinite()))
        && !(number instanceof Float f && (f.isNaN() || f.isInfinite()));
  }

  static boolean isIntegral(Number number) {
    BigDecimal value = decimal(number);
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  /** The exact value; throws NumberFormatException for an infinite or NaN double. */
  static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    // No detour through text for a big integer: printing one of a million digits is slow.
    return number instanceof BigInteger big
        ? new BigDecimal(big)
        : new BigDecimal(number.toString());
  }
}
