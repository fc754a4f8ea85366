package dev.pao.shared.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The query parameters every cursor listing shares: the page size, times given as RFC 3339 or as a
 * date, and the opaque cursor (the last row's time and id), each refused with a {@link
 * ValidationException} naming the parameter.
 */
public final class ListingParameters {
  /** The largest page a listing answers. */
  public static final int MAX_LIMIT = 200;

  private ListingParameters() {}

  /** A keyset position: the time and id of the last row of a page. */
  public record Position(Instant at, String id) {}

  /** The page size, when between 1 and {@link #MAX_LIMIT}. */
  public static int limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalid("limit", "between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  /** An RFC 3339 time or a date (its start, UTC); null stays null ("any"). */
  public static Instant instant(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw invalid(field, "an RFC 3339 time or a date (YYYY-MM-DD)");
      }
    }
  }

  /** The cursor that leads past the row at {@code at} with {@code id}. */
  public static String cursor(Instant at, String id) {
    String position = at + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor of {@link #cursor} names; null stays null (the first page). */
  public static Position position(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 2 || parts[1].isEmpty()) {
        throw new IllegalArgumentException("not two parts");
      }
      return new Position(Instant.parse(parts[0]), parts[1]);
    } catch (RuntimeException e) {
      throw invalid("cursor", "not a cursor this API gave out");
    }
  }

  /** A refusal of one query parameter. */
  public static ValidationException invalid(String field, String issue) {
    return ValidationException.of("Invalid query parameter " + field, field, issue);
  }
}
