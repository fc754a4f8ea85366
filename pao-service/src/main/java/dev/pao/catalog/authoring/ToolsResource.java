package dev.pao.catalog.authoring;

import dev.pao.security.RequiresRole;
import dev.pao.security.Role;
import dev.pao.shared.api.Envelope;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog authoring tools: try catalog content before publishing it (role platform). */
@Path("tools")
@RequiresRole(Role.PLATFORM)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tools", description = "Platform-team tools (role platform)")
public class ToolsResource {
  @Inject VariableTester tester;
  @Inject CatalogDocumentTools documents;

  @POST
  @Path("validate")
  @Consumes({
    MediaType.APPLICATION_JSON,
    MediaType.TEXT_PLAIN,
    "application/yaml",
    "application/x-yaml",
    "text/yaml"
  })
  @Operation(
      summary = "Validate a catalog document as a sync would",
      description =
          "Body: one CatalogItem or CatalogBundle, YAML or JSON. Checked against the JSON Schema,"
              + " then semantically (bundles against the current catalog). Answers data.valid,"
              + " data.kind, data.id and data.errors [{message, line, column, path}] with lines of"
              + " the posted text. Nothing is published.")
  @APIResponse(responseCode = "200", description = "The verdict, valid or not")
  public Envelope<DocumentCheck> validate(String document) {
    return Envelope.of(documents.validate(document));
  }

  @POST
  @Path("preview")
  @Operation(
      summary = "Preview a catalog document's form and actions",
      description =
          "Body: {document: YAML/JSON text or object, form_data: {...}, system: {...} (optional)}."
              + " Answers the form (fields, groups, json_schema), form_errors of the sample data,"
              + " and every action rendered with defaults applied, earlier outputs as <key>"
              + " placeholders and sensitive values as ***.")
  @APIResponse(responseCode = "200", description = "The preview")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_ERROR: the document is not valid; details name line:column")
  public Envelope<PreviewResult> preview(PreviewRequest request) {
    return Envelope.of(documents.preview(request));
  }

  @POST
  @Path("test-variables")
  @Operation(
      summary = "Render a template with given namespaces",
      description =
          "Body: {template: string|map|list, namespaces: {current, output, metadata, system},"
              + " sensitive: [.current paths], escaping: text|json_string|json_document|"
              + "url_component|yaml}. Answers data.rendered (sensitive values shown as ***),"
              + " data.references [{expression, namespace, path, resolved}] and data.errors"
              + " [{message, line, column}].")
  @APIResponse(responseCode = "200", description = "Rendered, with references and problems")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_ERROR: the template cannot be parsed; details name line:column")
  public Envelope<TestVariablesResult> testVariables(TestVariablesRequest request) {
    return Envelope.of(tester.test(request));
  }
}
