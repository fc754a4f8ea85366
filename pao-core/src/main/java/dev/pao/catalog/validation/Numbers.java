package dev.pao.catalog.validation;

import java.math.BigDecimal;

/** Exact comparisons of the numbers a parsed document holds (integers, longs, doubles, ...). */
final class Numbers {
  private Numbers() {}

  static boolean isIntegral(Number number) {
    BigDecimal value = decimal(number);
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  static BigDecimal decimal(Number number) {
    return number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
  }
}
