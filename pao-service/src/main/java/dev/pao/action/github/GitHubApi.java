package dev.pao.action.github;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * The part of the GitHub REST API the GitHub actions use, below an instance's API base URL ({@code
 * https://api.github.com} or {@code https://ghe.example.com/api/v3}). File paths and branch names
 * are given as they are; their slashes stay path separators.
 */
@Produces("application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
public interface GitHubApi {

  @GET
  @Path("/repos/{owner}/{repo}/contents/{path}")
  Map<String, Object> contents(
      @PathParam("owner") String owner,
      @PathParam("repo") String repo,
      @PathParam("path") String path,
      @QueryParam("ref") String ref);

  @PUT
  @Path("/repos/{owner}/{repo}/contents/{path}")
  @Consumes(MediaType.APPLICATION_JSON)
  Map<String, Object> writeContents(
      @PathParam("owner") String owner,
      @PathParam("repo") String repo,
      @PathParam("path") String path,
      Map<String, Object> file);

  @GET
  @Path("/repos/{owner}/{repo}/git/ref/heads/{branch}")
  Map<String, Object> branch(
      @PathParam("owner") String owner,
      @PathParam("repo") String repo,
      @PathParam("branch") String branch);

  @POST
  @Path("/repos/{owner}/{repo}/git/refs")
  @Consumes(MediaType.APPLICATION_JSON)
  Map<String, Object> createRef(
      @PathParam("owner") String owner, @PathParam("repo") String repo, Map<String, Object> ref);

  @GET
  @Path("/repos/{owner}/{repo}/pulls")
  List<Object> pulls(
      @PathParam("owner") String owner,
      @PathParam("repo") String repo,
      @QueryParam("state") String state,
      @QueryParam("head") String head,
      @QueryParam("base") String base);

  @POST
  @Path("/repos/{owner}/{repo}/pulls")
  @Consumes(MediaType.APPLICATION_JSON)
  Map<String, Object> createPull(
      @PathParam("owner") String owner, @PathParam("repo") String repo, Map<String, Object> pull);

  @GET
  @Path("/repos/{owner}/{repo}/actions/workflows/{workflow}/runs")
  Map<String, Object> workflowRuns(
      @PathParam("owner") String owner,
      @PathParam("repo") String repo,
      @PathParam("workflow") String workflow,
      @QueryParam("event") String event,
      @QueryParam("per_page") int perPage);

  @POST
  @Path("/repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches")
  @Consumes(MediaType.APPLICATION_JSON)
  void dispatch(
      @PathParam("owner") String owner,
      @PathParam("repo") String repo,
      @PathParam("workflow") String workflow,
      Map<String, Object> dispatch);

  @GET
  @Path("/repos/{owner}/{repo}/actions/runs/{id}")
  Map<String, Object> run(
      @PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") String id);

  /** Exchanges a GitHub App JWT for an installation token. */
  @POST
  @Path("/app/installations/{installation}/access_tokens")
  Map<String, Object> installationToken(
      @PathParam("installation") String installation,
      @HeaderParam("Authorization") String bearerJwt);
}
