package dev.pao.template;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for a mistyped name: the closest known name within a small edit distance. */
final class Suggestions {
  private Suggestions() {}

  /** The known name closest to {@code typed}, if one is near enough to be a typo of it. */
  static Optional<String> closest(String typed, Collection<String> known) {
    int allowed = Math.max(2, typed.length() / 3);
    return known.stream()
        .filter(name -> distance(typed.toLowerCase(), name.toLowerCase()) <= allowed)
        .min(Comparator.comparingInt((String name) -> distance(typed, name)).thenComparing(n -> n));
  }

  /** Levenshtein distance (insertions, deletions, substitutions). */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitution, Math.min(previous[j] + 1, row[j - 1] + 1));
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }
}
