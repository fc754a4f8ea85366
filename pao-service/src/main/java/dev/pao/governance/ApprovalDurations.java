package dev.pao.governance;

import dev.pao.catalog.rules.ApprovalRule;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The server's default approval wait, written like a document's ({@code 72h}) or ISO-8601. */
public final class ApprovalDurations {
  private ApprovalDurations() {}

  /**
   * @throws IllegalArgumentException for anything else, naming the setting
   */
  public static Duration parse(String setting) {
    String text = setting.trim();
    try {
      if (text.matches("[1-9][0-9]*[smhd]")) {
        return ApprovalRule.duration(text);
      }
      Duration parsed = Duration.parse(text);
      if (!parsed.isNegative() && !parsed.isZero()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "pao.approvals.default-timeout must look like 30m, 72h, 7d or PT10S, not '"
            + setting
            + "'");
  }
}
