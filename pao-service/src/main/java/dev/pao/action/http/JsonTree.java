package dev.pao.action.http;

import dev.pao.shared.json.JsonCodec;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request and response bodies of the typed clients as the plain Java trees (maps, lists) the
 * executors work with, through the service's one JSON codec. Lenient on purpose: a body that is not
 * a JSON object reads as an empty map (a list as an empty list), whatever its content type.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", MediaType.WILDCARD})
@Produces({MediaType.APPLICATION_JSON, "application/*+json", MediaType.WILDCARD})
public final class JsonTree implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == Map.class || type == List.class || type == Object.class;
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    Object tree = JsonCodec.parseOrText(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    if (Map.class.equals(type)) {
      return tree instanceof Map<?, ?> ? tree : new LinkedHashMap<>();
    }
    if (List.class.equals(type)) {
      return tree instanceof List<?> ? tree : List.of();
    }
    return tree;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return Map.class.isAssignableFrom(type) || List.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream body)
      throws IOException {
    body.write(JsonCodec.write(value).getBytes(StandardCharsets.UTF_8));
  }
}
