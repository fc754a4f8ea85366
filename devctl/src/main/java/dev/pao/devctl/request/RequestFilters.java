package dev.pao.devctl.request;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** {@code --status}, {@code --item} and {@code --since}: which requests a list or batch covers. */
public final class RequestFilters {
  private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([smhdw])");

  @Option(names = "--status", paramLabel = "STATUS", description = "Only requests in this state.")
  String status;

  @Option(names = "--item", paramLabel = "ID", description = "Only requests for this item/bundle.")
  String item;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Only requests created since: a duration ago (30m, 2h, 7d) or an RFC 3339 time.")
  String since;

  boolean any() {
    return status != null || item != null || since != null;
  }

  /** The list endpoint's query parameters. */
  Map<String, String> query(Clock clock) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("status", status);
    query.put("catalog_item_id", item);
    query.put("created_after", since == null ? null : createdAfter(since, clock).toString());
    return query;
  }

  static Instant createdAfter(String since, Clock clock) {
    Matcher ago = AGO.matcher(since.trim());
    if (ago.matches()) {
      long amount = Long.parseLong(ago.group(1));
      Duration duration =
          switch (ago.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
          };
      return Instant.now(clock).minus(duration);
    }
    try {
      return Instant.parse(since.trim());
    } catch (DateTimeParseException e) {
      throw new DevctlException(
          ExitCodes.USAGE, "--since wants a duration (30m, 2h, 7d) or an RFC 3339 time: " + since);
    }
  }
}
