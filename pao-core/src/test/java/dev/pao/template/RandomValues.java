package dev.pao.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random namespace values for property tests: nested maps and lists of awkward scalars. */
final class RandomValues {

  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    " ",
    "\"",
    "\\",
    "'",
    "\n",
    "\r",
    "\t",
    "\u0000",
    "\u001f",
    "{{",
    "}}",
    "|",
    ".",
    ",",
    ":",
    "#",
    "-",
    "*",
    "&",
    "%",
    "/",
    "?",
    "=",
    "\u00e9",
    "\u00df",
    "\u0130",
    "\u2028",
    "\u65e5",
    "\uD83D\uDE00",
    "\uD800",
    "\uDC00",
    "\u0301",
    "\u00a0",
    "\uFEFF",
    "]",
    "}"
  };

  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  String text(int maxPieces) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  Object value(int depth) {
    int kind = random.nextInt(depth > 0 ? 11 : 8);
    return switch (kind) {
      case 0, 1, 2 -> text(8);
      case 3 -> random.nextInt();
      case 4 ->
          switch (random.nextInt(5)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextDouble() * 1e20;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> (double) random.nextInt(100);
            default -> -random.nextDouble();
          };
      case 5 -> new BigDecimal(random.nextInt(1000)).scaleByPowerOfTen(random.nextInt(40) - 20);
      case 6 -> random.nextBoolean();
      case 7 -> null;
      case 8, 9 -> map(depth - 1);
      default -> list(depth - 1);
    };
  }

  Map<String, Object> map(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      map.put(random.nextBoolean() ? "k" + random.nextInt(3) : text(3), value(depth));
    }
    return map;
  }

  List<Object> list(int depth) {
    List<Object> list = new ArrayList<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      list.add(value(depth));
    }
    return list;
  }

  /** Namespaces whose keys overlap the names the random templates use. */
  Namespaces namespaces() {
    Map<String, Object> current = new LinkedHashMap<>();
    for (String name : List.of("name", "tags", "net", "pw", "a", "b")) {
      current.put(name, random.nextInt(3) == 0 ? map(2) : value(3));
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("key", value(2));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("version", value(1));
    item.put("tags", list(1));
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("email", value(1));
    Map<String, Object> system = new LinkedHashMap<>();
    system.put("requestId", text(4));
    system.put("user", user);
    return new Namespaces(
        current, output, Map.of("item-x", item), system, Set.of("pw", "net.secret"));
  }
}
