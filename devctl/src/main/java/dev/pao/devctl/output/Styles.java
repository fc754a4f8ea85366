package dev.pao.devctl.output;

import java.util.Set;

/** ANSI styles, applied only when colours are on. */
public final class Styles {
  private static final Set<String> GOOD = Set.of("completed", "ok", "valid");
  private static final Set<String> BAD = Set.of("failed", "stuck", "aborted", "rejected");
  private static final Set<String> BUSY =
      Set.of("submitted", "queued", "in_progress", "waiting", "retrying");

  private final boolean colours;

  public Styles(boolean colours) {
    this.colours = colours;
  }

  public String bold(String text) {
    return style("1", text);
  }

  public String red(String text) {
    return style("31", text);
  }

  /** A request or action state, coloured by what it means. */
  public String status(String padded) {
    String word = padded.strip();
    if (GOOD.contains(word)) {
      return style("32", padded);
    }
    if (BAD.contains(word)) {
      return style("31", padded);
    }
    if (BUSY.contains(word) || word.equals("escalated")) {
      return style("33", padded);
    }
    return padded;
  }

  private String style(String code, String text) {
    return colours ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
