package dev.pao.serviceaccount.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One signature's entry of a {@code Signature-Input} header (RFC 9421 §4.1): its label, the covered
 * components in order, and its parameters. {@code params} keeps the entry's value exactly as sent
 * (from the opening parenthesis), which the signature base repeats as {@code @signature-params}.
 *
 * @param created the {@code created} parameter (seconds since the epoch), or null
 * @param keyId the {@code keyid} parameter, or null
 * @param alg the {@code alg} parameter, or null
 */
public record SignatureInput(
    String label, List<String> components, String params, Long created, String keyId, String alg) {

  public SignatureInput {
    components = List.copyOf(components);
  }

  /**
   * The first entry of a {@code Signature-Input} header value.
   *
   * @throws SignatureException when the value is not a dictionary member of an inner list of quoted
   *     component names with parameters
   */
  public static SignatureInput parse(String header) {
    if (header == null || header.isBlank()) {
      throw new SignatureException("Signature-Input is missing");
    }
    String value = firstMember(header.trim());
    int equals = value.indexOf('=');
    if (equals < 1) {
      throw new SignatureException("Signature-Input is not label=(...)");
    }
    String label = value.substring(0, equals).trim();
    String params = value.substring(equals + 1).trim();
    if (!params.startsWith("(")) {
      throw new SignatureException("Signature-Input of '" + label + "' is not an inner list");
    }
    int close = params.indexOf(')');
    if (close < 0) {
      throw new SignatureException("Signature-Input of '" + label + "' has no closing ')'");
    }
    List<String> components = new ArrayList<>();
    for (String item : params.substring(1, close).trim().split(" +")) {
      if (item.isEmpty()) {
        continue;
      }
      if (item.length() < 2 || !item.startsWith("\"") || !item.endsWith("\"")) {
        throw new SignatureException(
            "covered component " + item + " is not a quoted lower-case name (no parameters)");
      }
      String name = item.substring(1, item.length() - 1);
      if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.isEmpty()) {
        throw new SignatureException("covered component \"" + name + "\" is not lower case");
      }
      components.add(name);
    }
    Long created = null;
    String keyId = null;
    String alg = null;
    for (String parameter : params.substring(close + 1).split(";")) {
      if (parameter.isBlank()) {
        continue;
      }
      int eq = parameter.indexOf('=');
      String key = eq < 0 ? parameter.trim() : parameter.substring(0, eq).trim();
      String raw = eq < 0 ? "" : parameter.substring(eq + 1).trim();
      switch (key) {
        case "created" -> created = integer(raw, "created");
        case "keyid" -> keyId = string(raw, "keyid");
        case "alg" -> alg = string(raw, "alg");
        default -> {
          // expires, nonce, tag: covered by the signature, not needed here
        }
      }
    }
    return new SignatureInput(label, components, params, created, keyId, alg);
  }

  /** The first member of a dictionary: up to the first comma outside quotes and parentheses. */
  static String firstMember(String dictionary) {
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < dictionary.length(); i++) {
      char c = dictionary.charAt(i);
      if (c == '"' && (i == 0 || dictionary.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        return dictionary.substring(0, i).trim();
      }
    }
    return dictionary;
  }

  private static Long integer(String raw, String name) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new SignatureException("signature parameter " + name + " is not an integer");
    }
  }

  private static String string(String raw, String name) {
    if (raw.length() < 2 || !raw.startsWith("\"") || !raw.endsWith("\"")) {
      throw new SignatureException("signature parameter " + name + " is not a quoted string");
    }
    return raw.substring(1, raw.length() - 1);
  }
}
