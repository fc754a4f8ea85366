package dev.pao.catalog.validation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Form field {@code pattern}s, run on RE2J: matching takes time linear in the text (no
 * backtracking), so no pattern and no submitted value can make a check run away. RE2J refuses what
 * needs backtracking (backreferences, lookaround, possessive quantifiers); such patterns, and
 * patterns whose counted repetitions would expand into a huge program, are refused at publish time.
 * Compiled patterns are kept per pattern text. Thread-safe.
 */
public final class LinearPatterns {
  /** The largest expansion of counted repetitions a pattern may have ({@code (a{10}){10}}: 100). */
  static final int MAX_WEIGHT = 2_000;

  private static final int MAX_CACHED = 1_000;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private LinearPatterns() {}

  /** The compiled pattern, or why it is refused (as a sentence fragment). */
  public static Compiled compile(String regex) {
    Pattern cached = COMPILED.get(regex);
    if (cached != null) {
      return new Compiled(Optional.of(cached), Optional.empty());
    }
    Optional<String> tooComplex = complexity(regex);
    if (tooComplex.isPresent()) {
      return new Compiled(Optional.empty(), tooComplex);
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return new Compiled(Optional.empty(), Optional.of(e.getDescription()));
    }
    if (COMPILED.size() >= MAX_CACHED) {
      COMPILED.clear();
    }
    COMPILED.put(regex, pattern);
    return new Compiled(Optional.of(pattern), Optional.empty());
  }

  /** Whether {@code text} contains a match of {@code regex}; empty when the pattern is refused. */
  public static Optional<Boolean> found(String regex, String text) {
    return compile(regex).pattern().map(pattern -> pattern.matcher(text).find());
  }

  /** A compiled pattern, or the reason it was refused. */
  public record Compiled(Optional<Pattern> pattern, Optional<String> refusal) {}

  /**
   * Refuses patterns whose nested counted repetitions ({@code ((a{1000}){1000}){1000}}) would
   * compile into a program too large to build or run: each repetition multiplies the size of what
   * it repeats. An estimate from the pattern text; character classes and escapes count as one.
   */
  private static Optional<String> complexity(String regex) {
    Deque<long[]> groups = new ArrayDeque<>(); // per open group: {size so far, size of last atom}
    long[] current = {0, 0};
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        current = atom(current, 1);
        continue;
      }
      if (c == '[') {
        i = endOfClass(regex, i);
        current = atom(current, 1);
        continue;
      }
      if (c == '(') {
        groups.push(current);
        current = new long[] {0, 0};
        i++;
        continue;
      }
      if (c == ')' && !groups.isEmpty()) {
        long size = Math.max(current[0], 1);
        current = atom(groups.pop(), size);
        i++;
        continue;
      }
      if (c == '{') {
        int close = regex.indexOf('}', i);
        Optional<Long> times = close < 0 ? Optional.empty() : repeatCount(regex, i + 1, close);
        if (times.isPresent()) {
          long last = current[1];
          current[0] += last * (times.get() - 1);
          current[1] = last * times.get();
          i = close + 1;
        } else {
          current = atom(current, 1);
          i++;
        }
      } else {
        if (c != '*' && c != '+' && c != '?' && c != '|') {
          current = atom(current, 1);
        }
        i++;
      }
      if (current[0] > MAX_WEIGHT) {
        return Optional.of(
            "its counted repetitions expand beyond "
                + MAX_WEIGHT
                + " elements (nested {n} repeats multiply)");
      }
    }
    return Optional.empty();
  }

  private static long[] atom(long[] group, long size) {
    return new long[] {group[0] + size, size};
  }

  private static int endOfClass(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    while (i < regex.length() && regex.charAt(i) != ']') {
      i += regex.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  /** The largest count of {@code {n}}, {@code {n,}} or {@code {n,m}}; empty for a literal brace. */
  private static Optional<Long> repeatCount(String regex, int from, int to) {
    String body = regex.substring(from, to);
    if (!body.matches("[0-9]{1,6}(,[0-9]{0,6})?")) {
      return Optional.empty();
    }
    String[] bounds = body.split(",", -1);
    long min = Long.parseLong(bounds[0]);
    long max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 1 : Long.parseLong(bounds[1]);
    return Optional.of(Math.max(Math.max(min, max), 1));
  }
}
