package dev.pao.shared.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated document from {@link ApiOperations}: operation ids, body and answer
 * schemas from {@code META-INF/openapi.yaml}, the error answers, and per-operation security. The
 * property-less schemas generated for the Java records are dropped once nothing points at them.
 */
public class ApiDocumentFilter implements OASFilter {
  static final String JSON = "application/json";

  /** Answers whose schema name ends so are JSON lines: one object of that schema per line. */
  static final String LINE_SCHEMA_SUFFIX = "Line";

  static final String NDJSON = "application/x-ndjson";
  private static final String BEARER = "bearer";
  private static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
  private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  /** Bodies that may be left out (a decision's reason is optional). */
  private static final Set<String> OPTIONAL_BODIES = Set.of("Decision");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> operation :
          path.getValue().getOperations().entrySet()) {
        ApiOperations.find(operation.getKey().name(), path.getKey())
            .ifPresent(doc -> apply(doc, operation.getValue()));
        if (ApiOperations.idempotent(operation.getKey().name(), path.getKey())) {
          addIdempotencyKey(operation.getValue());
        }
      }
    }
    GeneratedSchemas.dropEmpty(openAPI);
  }

  private static void apply(OperationDoc doc, Operation operation) {
    operation.setOperationId(doc.operationId());
    if (doc.hasSchemaBody() && operation.getRequestBody() != null) {
      operation.getRequestBody().setContent(json(doc.body()));
      if (OPTIONAL_BODIES.contains(doc.body())) {
        operation
            .getRequestBody()
            .required(false)
            .description("Optional: no body, an empty body or this object");
      }
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    dropUndocumentedSuccesses(responses, doc);
    for (Map.Entry<String, String> answer : doc.answers().entrySet()) {
      APIResponse response = responses.getAPIResponse(answer.getKey());
      if (response == null) {
        response = OASFactory.createAPIResponse().description("OK");
        responses.addAPIResponse(answer.getKey(), response);
      }
      response.setContent(
          answer.getValue().endsWith(LINE_SCHEMA_SUFFIX)
              ? content(NDJSON, answer.getValue())
              : json(answer.getValue()));
    }
    for (ErrorAnswer error : doc.errorAnswers()) {
      responses.addAPIResponse(error.status(), OASFactory.createAPIResponse().ref(error.ref()));
    }
    secure(doc, operation);
  }

  private static void dropUndocumentedSuccesses(APIResponses responses, OperationDoc doc) {
    if (responses.getAPIResponses() == null) {
      return;
    }
    List.copyOf(responses.getAPIResponses().keySet()).stream()
        .filter(status -> status.startsWith("2") && !doc.answers().containsKey(status))
        .forEach(responses::removeAPIResponse);
  }

  private static void secure(OperationDoc doc, Operation operation) {
    if (doc.access().needsToken()) {
      operation.setSecurity(
          new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER))));
      return;
    }
    operation.setSecurity(new ArrayList<>());
    if (doc.access() == Access.SIGNED && operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        if (SIGNATURE_HEADER.equalsIgnoreCase(parameter.getName())) {
          parameter.setRequired(true);
          parameter.setDescription(
              "sha256=<hex HMAC-SHA256 of the raw body with the webhook secret>; a missing or"
                  + " wrong signature answers 401 and changes nothing");
        }
      }
    }
  }

  private static void addIdempotencyKey(Operation operation) {
    if (operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> IDEMPOTENCY_HEADER.equalsIgnoreCase(p.getName()))) {
      return;
    }
    operation.addParameter(
        OASFactory.createParameter()
            .name(IDEMPOTENCY_HEADER)
            .in(Parameter.In.HEADER)
            .required(false)
            .description(
                "1 to 200 characters. The same key with the same call (path, query, body) within"
                    + " 24 hours answers the first answer again (header Idempotent-Replayed: true)"
                    + " without acting twice; with another call 422 IDEMPOTENCY_KEY_REUSED; while"
                    + " the first call still runs 409 INVALID_STATE. Per caller and endpoint.")
            .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).maxLength(200)));
  }

  private static Content json(String schema) {
    return content(JSON, schema);
  }

  private static Content content(String type, String schema) {
    Schema ref = OASFactory.createSchema().ref(schema);
    MediaType media = OASFactory.createMediaType().schema(ref);
    return OASFactory.createContent().addMediaType(type, media);
  }
}
