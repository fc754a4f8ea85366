package dev.pao.template;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The bodies of the pipe functions. Each one checks the size of what it is about to build before
 * building it, so {@code join}, {@code replace} and {@code base64} cannot grow text past the output
 * limit.
 */
final class TextFunctions {

  private TextFunctions() {}

  static Object defaultTo(Object input, List<Argument> args, ValueText values) {
    return ValueText.isEmpty(input) ? args.get(0).value() : input;
  }

  static Object upper(Object input, List<Argument> args, ValueText values) {
    return values.text(input).toUpperCase(Locale.ROOT);
  }

  static Object lower(Object input, List<Argument> args, ValueText values) {
    return values.text(input).toLowerCase(Locale.ROOT);
  }

  static Object trim(Object input, List<Argument> args, ValueText values) {
    return values.text(input).strip();
  }

  static Object join(Object input, List<Argument> args, ValueText values) {
    if (!(input instanceof Collection<?> list)) {
      return values.text(input);
    }
    String separator = args.get(0).value();
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Object element : list) {
      if (!first) {
        values.budget().checkLength((long) out.length() + separator.length());
        out.append(separator);
      }
      first = false;
      String text = values.text(element);
      values.budget().checkLength((long) out.length() + text.length());
      out.append(text);
      values.budget().work(1);
    }
    return out.toString();
  }

  static Object replace(Object input, List<Argument> args, ValueText values) {
    String text = values.text(input);
    String search = args.get(0).value();
    String replacement = args.get(1).value();
    long matches = 0;
    for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + search.length())) {
      matches++;
    }
    values.budget().work(text.length());
    values
        .budget()
        .checkLength(text.length() + matches * (replacement.length() - (long) search.length()));
    return matches == 0 ? text : text.replace(search, replacement);
  }

  /**
   * Lower-case ASCII letters and digits separated by single dashes: accents are dropped ({@code é}
   * becomes {@code e}), every other run of characters becomes one dash, and dashes at the ends are
   * removed.
   */
  static Object slug(Object input, List<Argument> args, ValueText values) {
    String decomposed = Normalizer.normalize(values.text(input), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean dash = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = Character.toLowerCase(decomposed.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        dash = false;
        out.append(c);
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        dash = true;
      }
    }
    return out.toString();
  }

  /** The first N code points (a surrogate pair is never split). */
  static Object truncate(Object input, List<Argument> args, ValueText values) {
    String text = values.text(input);
    int length = args.get(0).intValue();
    if (length >= text.length()) {
      return text;
    }
    if (text.codePointCount(0, text.length()) <= length) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, length));
  }

  static Object urlencode(Object input, List<Argument> args, ValueText values) {
    String text = values.text(input);
    return new Encoded(Escaping.URL_COMPONENT, Escapers.percentEncode(text));
  }

  static Object base64(Object input, List<Argument> args, ValueText values) {
    String text = values.text(input);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    values.budget().checkLength((bytes.length + 2L) / 3 * 4);
    return Base64.getEncoder().encodeToString(bytes);
  }

  static Object json(Object input, List<Argument> args, ValueText values) {
    String json = input == null ? "\"\"" : values.json(input, false);
    return new Encoded(Escaping.JSON_DOCUMENT, json);
  }

  static Object quote(Object input, List<Argument> args, ValueText values) {
    String text = values.text(input);
    values.budget().checkLength(text.length() + 2L);
    return new Encoded(Escaping.JSON_DOCUMENT, Escapers.quoteJson(text));
  }
}
