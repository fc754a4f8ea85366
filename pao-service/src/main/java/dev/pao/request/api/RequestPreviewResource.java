package dev.pao.request.api;

import dev.pao.catalog.authoring.PreviewResult;
import dev.pao.request.application.RequestPreview;
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

/** A dry run of a submission for any signed-in developer: validated and rendered, never stored. */
@Path("requests/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "requests")
public class RequestPreviewResource {
  @Inject RequestPreview preview;

  @POST
  @Operation(
      summary = "Preview a request before submitting it",
      description =
          "Body: as POST /requests. Validates form_data exactly as a submission does (every"
              + " problem in details) and answers every action as it will run (for a bundle, each"
              + " component's actions in run order), with defaults applied, outputs of earlier"
              + " actions as <key> placeholders and sensitive values as ***. Nothing is stored and"
              + " no Idempotency-Key is needed.")
  @APIResponse(responseCode = "200", description = "The rendered actions")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
  public Envelope<PreviewResult> preview(SubmitRequest body) {
    return Envelope.of(
        preview.preview(
            body == null ? null : body.catalogItemId(), body == null ? null : body.formData()));
  }
}
