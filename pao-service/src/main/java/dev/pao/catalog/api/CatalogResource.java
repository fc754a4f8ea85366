package dev.pao.catalog.api;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.validation.CatalogSchema;
import dev.pao.governance.Entitlements;
import dev.pao.security.CurrentUserProducer;
import dev.pao.security.RequiresRole;
import dev.pao.security.Role;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.Envelope;
import dev.pao.shared.idempotency.Idempotent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog: what can be requested, its forms, the format's schema and the sync status. */
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "Catalog items and bundles, synchronised from git")
public class CatalogResource {
  @Inject CatalogService catalog;
  @Inject CurrentUserProducer users;

  @GET
  @Operation(
      summary = "List catalog items and bundles",
      description =
          "Filters: category, tag, owner, kind (item|bundle), q (words in name and description)."
              + " Ordered by id; limit (1-200, default 50) and cursor (meta.next_cursor) page it;"
              + " fields picks entry fields (id, kind, name, version, description, category,"
              + " owner, tags, custom, components, commit). Bundles have kind bundle and their"
              + " components.")
  @APIResponse(responseCode = "200", description = "One page of entries")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: a bad query parameter")
  @CatalogRevalidated
  @APIResponse(
      responseCode = "304",
      description = "Not Modified: If-None-Match names the current ETag (no body)")
  public Envelope<List<Map<String, Object>>> list(
      @QueryParam("category") String category,
      @QueryParam("tag") String tag,
      @QueryParam("owner") String owner,
      @QueryParam("kind") String kind,
      @QueryParam("q") String q,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("fields") String fields) {
    CatalogQuery.Page page =
        new CatalogQuery(category, tag, owner, kind, q, limit, cursor, fields)
            .run(catalog.served(), users.current());
    return Envelope.page(page.entries(), page.nextCursor());
  }

  @GET
  @Path("schema")
  @Operation(
      summary = "The JSON Schema of catalog documents",
      description = "The schema every CatalogItem and CatalogBundle is checked against first.")
  @APIResponse(responseCode = "200", description = "data: a JSON Schema (draft 2020-12)")
  @CatalogRevalidated
  @APIResponse(
      responseCode = "304",
      description = "Not Modified: If-None-Match names the current ETag (no body)")
  public Envelope<Map<String, Object>> schema() {
    return Envelope.of(CatalogSchema.get().document());
  }

  @GET
  @Path("sync")
  @Operation(
      summary = "The last catalog sync",
      description =
          "Commit, time, duration, documents served and every rejected document with file, line"
              + " and reason.")
  @APIResponse(responseCode = "200", description = "The last sync")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no sync has run yet")
  public Envelope<Map<String, Object>> lastSync() {
    return Envelope.of(
        CatalogViews.sync(
            catalog.lastReport().orElseThrow(() -> ApiException.notFound("No catalog sync yet"))));
  }

  @POST
  @Idempotent
  @Path("refresh")
  @RequiresRole(Role.PLATFORM)
  @Operation(
      summary = "Synchronise the catalog from its repository now (role platform)",
      description = "Answers the sync report; a failed read keeps the catalog served before.")
  @APIResponse(responseCode = "200", description = "The sync report")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: the platform role is needed")
  public Envelope<Map<String, Object>> refresh() {
    return Envelope.of(
        CatalogViews.sync(catalog.sync("refresh", AuditEvent.Actor.user(users.current().email()))));
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "A catalog item or bundle",
      description =
          "Metadata, form, actions summary (items), components (bundles), version, commit.")
  @APIResponse(responseCode = "200", description = "The document")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such item or bundle")
  @CatalogRevalidated
  @APIResponse(
      responseCode = "304",
      description = "Not Modified: If-None-Match names the current ETag (no body)")
  public Envelope<Map<String, Object>> item(
      @Parameter(description = "metadata.id of the document") @PathParam("id") String id) {
    CatalogDocument document = find(id);
    return Envelope.of(
        CatalogViews.detail(
            document, Entitlements.decide(document, catalog.served(), users.current())));
  }

  @GET
  @Path("{id}/form")
  @Operation(
      summary = "The form of a catalog item or bundle",
      description =
          "data.fields and data.groups as written, in order, options as {value, label}, with"
              + " defaults; data.json_schema is the equivalent JSON Schema.")
  @APIResponse(responseCode = "200", description = "The form")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such item or bundle")
  @CatalogRevalidated
  @APIResponse(
      responseCode = "304",
      description = "Not Modified: If-None-Match names the current ETag (no body)")
  public Envelope<Map<String, Object>> form(@PathParam("id") String id) {
    return Envelope.of(FormView.of(find(id).definition()));
  }

  private CatalogDocument find(String id) {
    return catalog
        .served()
        .find(id)
        .orElseThrow(() -> ApiException.notFound("No catalog item or bundle '" + id + "'"));
  }
}
