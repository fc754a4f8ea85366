package dev.pao.catalog.document;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a document tree in a canonical form (keys sorted, numbers by value), so the same
 * content read from YAML or back from the database hashes the same.
 */
public final class ContentHash {
  private ContentHash() {}

  public static String of(Object tree) {
    StringBuilder canonical = new StringBuilder();
    write(tree, canonical);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, inner) -> sorted.put(String.valueOf(key), inner));
      out.append('{');
      sorted.forEach(
          (key, inner) -> {
            out.append('"').append(key.replace("\"", "\\\"")).append("\":");
            write(inner, out);
            out.append(',');
          });
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      list.forEach(
          inner -> {
            write(inner, out);
            out.append(',');
          });
      out.append(']');
    } else if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
      out.append(decimal.signum() == 0 ? "0" : decimal.toPlainString());
    } else if (value instanceof String text) {
      out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else {
      out.append(value);
    }
  }
}
