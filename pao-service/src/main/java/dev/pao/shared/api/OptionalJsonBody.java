package dev.pao.shared.api;

import dev.pao.shared.json.Jsons;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Reads a body that may be left out: decision endpoints (retry, abort, escalate) take an optional
 * {@code {"reason"}}, so no body, an empty one or one without a {@code Content-Type} must work. A
 * body that is there is read as the API's JSON, strictly (unknown properties refused).
 */
public final class OptionalJsonBody {
  private OptionalJsonBody() {}

  /**
   * The body as {@code shape}, or {@code null} when there is none.
   *
   * @throws ApiException {@code UNSUPPORTED_MEDIA_TYPE} for a non-JSON content type with a body,
   *     {@code VALIDATION_ERROR} for a body that is not such a JSON object
   */
  public static <T> T read(String body, MediaType type, Class<T> shape) {
    if (body == null || body.isBlank()) {
      return null;
    }
    if (type != null && !isJson(type)) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported content type '" + type + "'; send application/json or no body");
    }
    try {
      T value = Jsons.API.fromJson(body, shape);
      if (value == null) {
        throw new JsonbException("null body");
      }
      return value;
    } catch (JsonbException | ClassCastException e) {
      List<ErrorDetail> details = BodyShape.unknownProperty(e).stream().toList();
      throw ApiException.validation(
          "The request body must be empty or a JSON object with "
              + String.join(", ", BodyShape.properties(shape)),
          details);
    }
  }

  private static boolean isJson(MediaType type) {
    return type.isWildcardType()
        || "json".equals(type.getSubtype())
        || type.getSubtype().endsWith("+json")
        || MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type);
  }
}
