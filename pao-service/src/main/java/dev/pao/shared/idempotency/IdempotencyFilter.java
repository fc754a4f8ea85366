package dev.pao.shared.idempotency;

import dev.pao.security.CurrentUser;
import dev.pao.security.CurrentUserProducer;
import dev.pao.shared.json.Jsons;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} for the {@link Idempotent} POSTs, as one JAX-RS filter rather than code
 * in each resource: it runs after the access guard (so the key is the authenticated caller's),
 * claims the key for the caller and the endpoint's route ({@code POST /requests/{id}/retry}) with a
 * fingerprint of the call (path, query and body), and either lets the call run and keeps its
 * answer, or answers the kept one ({@code Idempotent-Replayed: true}) without running it.
 */
@Idempotent
@Priority(Priorities.USER)
@Provider
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
  private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

  @Inject IdempotentAnswers answers;
  @Inject CurrentUserProducer users;
  @Context ResourceInfo resource;

  private record Claimed(String owner, String endpoint, String key) {}

  @Override
  public void filter(ContainerRequestContext request) {
    String key = request.getHeaderString(HEADER);
    Optional<CurrentUser> user = users.ifAuthenticated();
    if (key == null || user.isEmpty()) {
      return;
    }
    String endpoint = request.getMethod() + " " + route();
    Optional<IdempotentCalls.Replay> replay =
        new IdempotentCalls(answers).begin(user.get().subject(), endpoint, key, call(request));
    if (replay.isPresent()) {
      request.abortWith(
          Response.status(replay.get().status())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(replay.get().body())
              .header(REPLAYED, "true")
              .build());
      return;
    }
    request.setProperty(CLAIMED, new Claimed(user.get().subject(), endpoint, key));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIMED) instanceof Claimed claimed)) {
      return;
    }
    try {
      Object entity = response.getEntity();
      String body =
          entity == null ? null : entity instanceof String text ? text : Jsons.API.toJson(entity);
      new IdempotentCalls(answers)
          .finished(claimed.owner(), claimed.endpoint(), claimed.key(), response.getStatus(), body);
    } catch (RuntimeException e) {
      // The call itself is done; a repeat then finds the claim unanswered and is told to wait.
      LOG.log(Level.WARNING, "Could not keep the answer for " + claimed.endpoint(), e);
    }
  }

  /** The endpoint's route as the API documents it, e.g. {@code /requests/{id}/retry}. */
  private String route() {
    StringBuilder route = new StringBuilder();
    Path type = resource.getResourceClass().getAnnotation(Path.class);
    Path method = resource.getResourceMethod().getAnnotation(Path.class);
    for (Path part : new Path[] {type, method}) {
      if (part != null) {
        route.append('/').append(part.value().replaceAll("^/+|/+$", ""));
      }
    }
    return route.toString();
  }

  /** What makes two calls the same: path, query parameters and the body as sent. */
  private static String call(ContainerRequestContext request) {
    byte[] body = new byte[0];
    if (request.hasEntity()) {
      try {
        body = request.getEntityStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      request.setEntityStream(new ByteArrayInputStream(body));
    }
    Map<String, List<String>> query = new TreeMap<>(request.getUriInfo().getQueryParameters());
    return request.getUriInfo().getPath()
        + "\n"
        + query
        + "\n"
        + new String(body, StandardCharsets.UTF_8).strip();
  }
}
