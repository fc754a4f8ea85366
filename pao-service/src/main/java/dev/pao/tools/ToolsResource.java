package dev.pao.tools;

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

/** Platform tools: try catalog content before publishing it. */
@Path("tools")
@RequiresRole(Role.PLATFORM)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tools", description = "Platform-team tools (role platform)")
public class ToolsResource {
  @Inject VariableTester tester;

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
