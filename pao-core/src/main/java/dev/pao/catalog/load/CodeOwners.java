package dev.pao.catalog.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CODEOWNERS file: lines of {@code pattern @org/team ...}; the last rule whose pattern matches a
 * file names its owners, as on GitHub. The owning team is the first owner of that rule, without
 * {@code @} and organisation ({@code @org/team-data} is {@code team-data}).
 */
public final class CodeOwners {
  private record Rule(Pattern pattern, List<String> owners) {}

  private final List<Rule> rules;

  private CodeOwners(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static CodeOwners none() {
    return new CodeOwners(List.of());
  }

  public static CodeOwners parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      List<String> owners = new ArrayList<>();
      for (int i = 1; i < parts.length && !parts[i].startsWith("#"); i++) {
        owners.add(team(parts[i]));
      }
      rules.add(new Rule(glob(parts[0]), owners));
    }
    return new CodeOwners(rules);
  }

  /** Every team a rule names. */
  public java.util.Set<String> teams() {
    java.util.Set<String> teams = new java.util.TreeSet<>();
    rules.forEach(rule -> teams.addAll(rule.owners()));
    return teams;
  }

  /** The team owning {@code path} (relative to the repository root), if a rule names one. */
  public Optional<String> teamOf(String path) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (rule.pattern().matcher(path).matches()) {
        return rule.owners().stream().findFirst();
      }
    }
    return Optional.empty();
  }

  private static String team(String owner) {
    String name = owner.startsWith("@") ? owner.substring(1) : owner;
    int slash = name.indexOf('/');
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  /** A gitignore-style pattern as a regular expression over repository-relative paths. */
  static Pattern glob(String pattern) {
    boolean anchored =
        pattern.startsWith("/") || pattern.substring(0, pattern.length() - 1).contains("/");
    String body = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    boolean directory = body.endsWith("/");
    if (directory) {
      body = body.substring(0, body.length() - 1);
    }
    StringBuilder regex = new StringBuilder(anchored ? "" : "(?:.*/)?");
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '*' && i + 1 < body.length() && body.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
        if (i + 1 < body.length() && body.charAt(i + 1) == '/') {
          i++;
          regex.append("/?");
        }
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    regex.append(directory ? "/.*" : "(?:/.*)?");
    return Pattern.compile(regex.toString());
  }
}
