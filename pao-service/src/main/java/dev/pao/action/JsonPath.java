package dev.pao.action;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.TypeRef;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import com.jayway.jsonpath.spi.mapper.MappingException;
import com.jayway.jsonpath.spi.mapper.MappingProvider;
import dev.pao.shared.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The JSONPath an action's {@code outputs} use to read its result document (Jayway JsonPath: the
 * documented syntax with wildcards, deep scans, filters and functions), e.g. {@code $.key}, {@code
 * $.body.items[0].id}, {@code $.headers['x-request-id']}, {@code $.body.items[*].id}, {@code
 * $.body.items[?(@.state == 'ready')].id}. Reading is data only: a path that finds nothing (a
 * missing key, an index out of range, a filter matching no element) yields no value.
 */
public final class JsonPath {
  /** Result documents are plain Java trees (maps, lists): read them as they are. */
  private static final Configuration PLAIN_TREES =
      Configuration.builder()
          .jsonProvider(new PlainTreeProvider())
          .mappingProvider(new NoMapping())
          .build();

  private final String source;
  private final com.jayway.jsonpath.JsonPath compiled;

  private JsonPath(String source, com.jayway.jsonpath.JsonPath compiled) {
    this.source = source;
    this.compiled = compiled;
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static JsonPath compile(String source) {
    if (source == null || !source.startsWith("$")) {
      throw new IllegalArgumentException("a JSONPath starts with '$'");
    }
    try {
      return new JsonPath(source, com.jayway.jsonpath.JsonPath.compile(source));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(e.getMessage() + " in " + source, e);
    }
  }

  /**
   * The value at this path in {@code document}, if there is one: a single value for a definite
   * path, the list of matches for a path with wildcards or filters (none: no value).
   *
   * @throws IllegalArgumentException when the path cannot be evaluated (e.g. an unknown function)
   */
  public Optional<Object> read(Object document) {
    Object value;
    try {
      value = compiled.read(document, PLAIN_TREES);
    } catch (PathNotFoundException e) {
      return Optional.empty();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(e.getMessage() + " in " + source, e);
    }
    if (value instanceof List<?> matches && matches.isEmpty() && !compiled.isDefinite()) {
      return Optional.empty();
    }
    return Optional.ofNullable(value);
  }

  @Override
  public String toString() {
    return source;
  }

  /** Navigation over maps and lists (inherited); parsing and writing through the JSON codec. */
  private static final class PlainTreeProvider extends AbstractJsonProvider {
    @Override
    public Object parse(String json) {
      return JsonCodec.parse(json);
    }

    @Override
    public Object parse(InputStream json, String charset) {
      try {
        return parse(new String(json.readAllBytes(), Charset.forName(charset)));
      } catch (IOException e) {
        throw new IllegalArgumentException("unreadable JSON", e);
      }
    }

    @Override
    public String toJson(Object tree) {
      return JsonCodec.write(tree);
    }

    @Override
    public Object createArray() {
      return new ArrayList<>();
    }

    @Override
    public Object createMap() {
      return new LinkedHashMap<>();
    }
  }

  /** Values are used as found; asking for another type is a mistake. */
  private static final class NoMapping implements MappingProvider {
    @Override
    public <T> T map(Object source, Class<T> targetType, Configuration configuration) {
      if (source == null || targetType.isInstance(source)) {
        return targetType.cast(source);
      }
      throw new MappingException("cannot read " + source.getClass() + " as " + targetType);
    }

    @Override
    public <T> T map(Object source, TypeRef<T> targetType, Configuration configuration) {
      throw new MappingException("typed reads are not supported");
    }
  }
}
