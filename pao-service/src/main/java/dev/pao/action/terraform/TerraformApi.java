package dev.pao.action.terraform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Map;

/** The part of the Terraform Cloud / Enterprise API v2 (JSON:API) the terraform action uses. */
@Path("/api/v2")
@Produces(TerraformApi.JSON_API)
@Consumes(TerraformApi.JSON_API)
public interface TerraformApi {
  String JSON_API = "application/vnd.api+json";

  @GET
  @Path("/organizations/{organization}/workspaces/{workspace}")
  Map<String, Object> workspace(
      @PathParam("organization") String organization, @PathParam("workspace") String workspace);

  @GET
  @Path("/workspaces/{workspace}/vars")
  Map<String, Object> variables(@PathParam("workspace") String workspaceId);

  @POST
  @Path("/workspaces/{workspace}/vars")
  Map<String, Object> createVariable(
      @PathParam("workspace") String workspaceId, Map<String, Object> variable);

  @PATCH
  @Path("/workspaces/{workspace}/vars/{variable}")
  Map<String, Object> updateVariable(
      @PathParam("workspace") String workspaceId,
      @PathParam("variable") String variableId,
      Map<String, Object> variable);

  @GET
  @Path("/workspaces/{workspace}/runs")
  Map<String, Object> runs(
      @PathParam("workspace") String workspaceId, @QueryParam("page[size]") int pageSize);

  @POST
  @Path("/runs")
  Map<String, Object> createRun(Map<String, Object> run);

  @GET
  @Path("/runs/{run}")
  Map<String, Object> run(@PathParam("run") String runId);

  @GET
  @Path("/workspaces/{workspace}/current-state-version-outputs")
  Map<String, Object> outputs(@PathParam("workspace") String workspaceId);
}
