package dev.pao.action.rest;

import dev.pao.action.spi.ActionFailedException;
import java.util.BitSet;
import java.util.List;

/**
 * The HTTP statuses a REST action accepts: a list of codes and ranges ({@code [200, "300-304"]}).
 */
final class SuccessCodes {
  private final BitSet codes;

  private SuccessCodes(BitSet codes) {
    this.codes = codes;
  }

  boolean contains(int status) {
    return status >= 0 && codes.get(status);
  }

  static SuccessCodes parse(Object spec) {
    BitSet codes = new BitSet(600);
    if (spec == null) {
      codes.set(200, 300);
      return new SuccessCodes(codes);
    }
    List<?> items = spec instanceof List<?> list ? list : List.of(spec);
    for (Object item : items) {
      String text = String.valueOf(item).trim();
      try {
        if (text.contains("-")) {
          String[] bounds = text.split("-", 2);
          codes.set(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()) + 1);
        } else {
          codes.set(Integer.parseInt(text.replaceAll("\\.0+$", "")));
        }
      } catch (RuntimeException e) {
        throw new ActionFailedException("successCodes entry '" + text + "' is not a code or range");
      }
    }
    return new SuccessCodes(codes);
  }
}
