package dev.pao.shared.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/**
 * Answers the framework's own rejections (unknown path, wrong method, unreadable body, unsupported
 * media type) in the error envelope, without the framework's text, which may name Java types.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context ResourceInfo resourceInfo;
  @Context UriInfo uriInfo;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(WebApplicationException exception) {
    ApiException api = ErrorResponses.apiCause(exception);
    if (api != null) {
      return ErrorResponses.of(api.code(), api.getMessage(), api.details());
    }
    if (ErrorResponses.isJsonProblem(exception)) {
      return BodyShape.answer(exception, resourceInfo);
    }
    Optional<String> parameter = QueryParameters.unreadable(exception);
    if (parameter.isPresent()) {
      return ErrorResponses.of(
          ErrorCode.VALIDATION_ERROR,
          "Query parameter '" + parameter.get() + "' has a value of the wrong type",
          List.of(
              new ErrorDetail(
                  parameter.get(), QueryParameters.expected(resourceInfo, parameter.get()))));
    }
    int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
    ErrorCode code = ErrorCode.forStatus(status);
    Response response =
        ErrorResponses.of(code, messageFor(exception, status), List.of(), exception);
    if (exception instanceof NotAllowedException && exception.getResponse() != null) {
      return Response.fromResponse(response)
          .allow(exception.getResponse().getAllowedMethods())
          .build();
    }
    return response;
  }

  private String unsupportedType() {
    String sent = headers == null ? null : headers.getHeaderString("Content-Type");
    String path = uriInfo == null ? "" : uriInfo.getPath();
    return "Unsupported content type"
        + (sent == null ? "" : " '" + sent + "'")
        + "; send application/json"
        + (path.endsWith("tools/validate")
            ? " or a YAML document as application/yaml, application/x-yaml, text/yaml or"
                + " text/plain"
            : "");
  }

  private String messageFor(WebApplicationException exception, int status) {
    if (exception instanceof NotFoundException) {
      return "No resource at /"
          + (uriInfo == null ? "" : uriInfo.getPath(true).replaceFirst("^/", ""));
    }
    return switch (status) {
      case 400 -> "The request could not be read";
      case 405 -> "This method is not allowed on this resource";
      case 406 -> "No acceptable representation; this API answers application/json";
      case 415 -> unsupportedType();
      default ->
          status >= 500 ? "Internal error" : "The request was rejected (HTTP " + status + ")";
    };
  }
}
