package dev.pao.request.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The identity of a request (a UUID), as it crosses the ports and application services. */
public record RequestId(UUID value) {
  public RequestId {
    Objects.requireNonNull(value, "value");
  }

  public static RequestId of(UUID value) {
    return new RequestId(value);
  }

  public static RequestId random() {
    return new RequestId(UUID.randomUUID());
  }

  /** The id a text names, if it is a UUID. */
  public static Optional<RequestId> parse(String text) {
    try {
      return Optional.of(new RequestId(UUID.fromString(text)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
