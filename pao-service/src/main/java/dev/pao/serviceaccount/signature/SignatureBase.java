package dev.pao.serviceaccount.signature;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signature base of RFC 9421 §2.5: one line {@code "<component>": <value>} per covered
 * component, in the order the signature lists them, and last {@code "@signature-params": <params>},
 * joined by LF with no trailing LF. Header fields are their values, trimmed, several joined by
 * {@code ", "} (§2.1).
 */
public final class SignatureBase {
  private SignatureBase() {}

  /** The base of {@code input} over {@code message}, as the bytes a signature covers. */
  public static byte[] of(SignatureInput input, SignedMessage message) {
    StringBuilder base = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (String component : input.components()) {
      if (!seen.add(component)) {
        throw new SignatureException("covered component \"" + component + "\" appears twice");
      }
      base.append('"')
          .append(component)
          .append("\": ")
          .append(value(component, message))
          .append('\n');
    }
    base.append("\"@signature-params\": ").append(input.params());
    return base.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String value(String component, SignedMessage message) {
    return switch (component) {
      case "@method" -> message.method();
      case "@target-uri" -> message.targetUri();
      case "@authority" -> message.authority();
      case "@path" -> message.path().isEmpty() ? "/" : message.path();
      case "@query" -> message.query();
      case "@signature-params" ->
          throw new SignatureException("\"@signature-params\" may not be a covered component");
      default -> {
        if (component.startsWith("@")) {
          throw new SignatureException("derived component \"" + component + "\" is not supported");
        }
        List<String> values = message.headers().values(component);
        if (values == null || values.isEmpty()) {
          throw new SignatureException(
              "covered header \"" + component + "\" is not in the request");
        }
        yield values.stream().map(String::strip).collect(Collectors.joining(", "));
      }
    };
  }
}
