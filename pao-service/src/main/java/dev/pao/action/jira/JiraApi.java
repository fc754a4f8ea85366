package dev.pao.action.jira;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The part of the JIRA REST API (v2 and v3) the jira action uses. */
@Path("/rest/api/{version}")
@Produces(MediaType.APPLICATION_JSON)
public interface JiraApi {

  /** JQL search (v2). */
  @GET
  @Path("/search")
  Map<String, Object> search(
      @PathParam("version") int version,
      @QueryParam("jql") String jql,
      @QueryParam("fields") String fields,
      @QueryParam("maxResults") int maxResults);

  /** JQL search (v3, the enhanced search endpoint). */
  @GET
  @Path("/search/jql")
  Map<String, Object> searchJql(
      @PathParam("version") int version,
      @QueryParam("jql") String jql,
      @QueryParam("fields") String fields,
      @QueryParam("maxResults") int maxResults);

  @GET
  @Path("/issue/{key}")
  Map<String, Object> issue(
      @PathParam("version") int version,
      @PathParam("key") String key,
      @QueryParam("fields") String fields);

  @POST
  @Path("/issue")
  @Consumes(MediaType.APPLICATION_JSON)
  Map<String, Object> createIssue(@PathParam("version") int version, Map<String, Object> issue);

  @POST
  @Path("/issueLink")
  @Consumes(MediaType.APPLICATION_JSON)
  void link(@PathParam("version") int version, Map<String, Object> link);
}
