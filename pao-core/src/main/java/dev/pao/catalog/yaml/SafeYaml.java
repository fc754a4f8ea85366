package dev.pao.catalog.yaml;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses one YAML (or JSON) document into plain values without constructing any object a tag could
 * name: the text is only composed into nodes (SnakeYAML with {@link SafeConstructor} options), and
 * the nodes are turned into maps, lists and scalars here. Custom tags, duplicate keys, more than
 * one document, and texts over the size, depth, alias or node limits are rejected. Timestamps stay
 * strings. Thread-safe.
 */
public final class SafeYaml {
  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  private final int maxBytes;
  private final int maxDepth;
  private final int maxAliases;
  private final int maxNodes;

  public SafeYaml(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    this.maxAliases = maxAliases;
    this.maxNodes = maxNodes;
  }

  /** Limits for catalog documents: 256 KiB, 40 levels, 20 aliases, 50,000 values. */
  public static SafeYaml forCatalog() {
    return new SafeYaml(256 * 1024, 40, 20, 50_000);
  }

  /**
   * Parses {@code text}.
   *
   * @throws YamlProblem with the position of the first problem
   */
  public ParsedYaml parse(String text) {
    if (text.length() > maxBytes) {
      throw new YamlProblem("document is larger than " + maxBytes + " characters", 1, 1);
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(maxAliases);
    options.setNestingDepthLimit(maxDepth);
    options.setCodePointLimit(maxBytes);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new YamlProblem(
          message.trim(),
          mark == null ? 1 : mark.getLine() + 1,
          mark == null ? 1 : mark.getColumn() + 1);
    } catch (YAMLException e) {
      throw new YamlProblem(firstLine(e.getMessage()), 1, 1);
    }
    if (root == null) {
      throw new YamlProblem("the document is empty", 1, 1);
    }
    Map<String, Position> positions = new HashMap<>();
    Object tree = new Converter(positions, text.split("\\R", -1)).convert(root, "", 0);
    return new ParsedYaml(tree, Collections.unmodifiableMap(positions));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "not valid YAML";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private final class Converter {
    private final Map<String, Position> positions;
    private final String[] lines;
    private int nodes;

    Converter(Map<String, Position> positions, String[] lines) {
      this.positions = positions;
      this.lines = lines;
    }

    /** The indentation of the first content line of a block scalar starting on {@code line}. */
    private int blockIndent(int line) {
      if (line + 1 >= lines.length) {
        return 0;
      }
      String content = lines[line + 1];
      int indent = 0;
      while (indent < content.length() && content.charAt(indent) == ' ') {
        indent++;
      }
      return indent;
    }

    Object convert(Node node, String path, int depth) {
      Mark start = node.getStartMark();
      if (++nodes > maxNodes) {
        throw new YamlProblem(
            "document has more than " + maxNodes + " values (aliases expanded)",
            start.getLine() + 1,
            start.getColumn() + 1);
      }
      if (depth > maxDepth) {
        throw new YamlProblem(
            "document is nested deeper than " + maxDepth + " levels",
            start.getLine() + 1,
            start.getColumn() + 1);
      }
      boolean block = false;
      boolean quoted = false;
      if (node instanceof ScalarNode scalar) {
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        block =
            style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
        quoted =
            style == DumperOptions.ScalarStyle.SINGLE_QUOTED
                || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
      }
      positions.putIfAbsent(
          path,
          new Position(
              start.getLine() + 1,
              start.getColumn() + 1,
              block,
              quoted,
              block ? blockIndent(start.getLine()) : 0));
      if (node instanceof MappingNode mapping) {
        checkTag(node, Tag.MAP);
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw problem(tuple.getKeyNode(), "keys must be plain scalars");
          }
          checkScalarTag(key);
          String name = key.getValue();
          if ("<<".equals(name)) {
            throw problem(key, "merge keys (<<) are not supported");
          }
          if (map.containsKey(name)) {
            throw problem(key, "duplicate key '" + name + "'");
          }
          String inner = path.isEmpty() ? name : path + "." + name;
          map.put(name, convert(tuple.getValueNode(), inner, depth + 1));
        }
        return map;
      }
      if (node instanceof SequenceNode sequence) {
        checkTag(node, Tag.SEQ);
        List<Object> list = new ArrayList<>(sequence.getValue().size());
        int index = 0;
        for (Node element : sequence.getValue()) {
          list.add(convert(element, path + "[" + index++ + "]", depth + 1));
        }
        return list;
      }
      ScalarNode scalar = (ScalarNode) node;
      checkScalarTag(scalar);
      return scalar(scalar);
    }

    private void checkTag(Node node, Tag expected) {
      if (!expected.equals(node.getTag())) {
        throw problem(node, "custom tags are not allowed (" + node.getTag().getValue() + ")");
      }
    }

    private void checkScalarTag(ScalarNode node) {
      if (!SCALAR_TAGS.contains(node.getTag())) {
        throw problem(node, "custom tags are not allowed (" + node.getTag().getValue() + ")");
      }
    }

    private Object scalar(ScalarNode node) {
      String value = node.getValue();
      Tag tag = node.getTag();
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("true")
            || lower.equals("yes")
            || lower.equals("on")
            || lower.equals("y");
      }
      if (Tag.INT.equals(tag)) {
        return integer(value.replace("_", ""));
      }
      if (Tag.FLOAT.equals(tag)) {
        try {
          double parsed = Double.parseDouble(value.replace("_", ""));
          return Double.isFinite(parsed) ? (Object) parsed : value;
        } catch (NumberFormatException e) {
          return value;
        }
      }
      return value;
    }

    private Object integer(String digits) {
      try {
        BigInteger parsed =
            digits.startsWith("0x")
                ? new BigInteger(digits.substring(2), 16)
                : digits.startsWith("0o")
                    ? new BigInteger(digits.substring(2), 8)
                    : new BigInteger(digits);
        return parsed.bitLength() < 64 ? (Object) parsed.longValue() : parsed;
      } catch (NumberFormatException e) {
        return digits;
      }
    }

    private YamlProblem problem(Node node, String message) {
      Mark mark = node.getStartMark();
      return new YamlProblem(message, mark.getLine() + 1, mark.getColumn() + 1);
    }
  }
}
