package dev.pao.catalog.api;

import dev.pao.catalog.sync.CatalogService;
import dev.pao.governance.ConditionInputs;
import dev.pao.security.CurrentUserProducer;
import dev.pao.shared.metrics.CacheMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conditional GETs of catalog reads ({@link CatalogRevalidated}). The validator is computed from
 * data, never from the answer's bytes: the served commit, the application's version, the request's
 * path and normalised query, and the caller's teams and roles (answers tell each caller what they
 * may request). A matching {@code If-None-Match} is answered {@code 304} with nothing read or
 * written; every answer says {@code Cache-Control: private, no-cache} (a client may keep it, and
 * asks again with its validator before using it). Runs after authentication.
 */
@Provider
@CatalogRevalidated
@Priority(Priorities.USER)
public class CatalogConditionalGet implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String TAG = CatalogConditionalGet.class.getName() + ".tag";
  private static final String VERSION =
      String.valueOf(CatalogConditionalGet.class.getPackage().getImplementationVersion());
  private static final CacheControl REVALIDATE = revalidate();

  @Inject CatalogService catalog;
  @Inject CacheMetrics cache;
  @Inject CurrentUserProducer users;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HttpMethod.GET.equals(request.getMethod())) {
      return;
    }
    String commit = catalog.current().commit();
    if (commit == null) {
      return; // nothing synced yet: nothing to validate against
    }
    EntityTag tag =
        tag(
            commit + '\n' + audience(),
            request.getUriInfo().getPath(),
            request.getUriInfo().getQueryParameters());
    request.setProperty(TAG, tag);
    Response.ResponseBuilder notModified = request.getRequest().evaluatePreconditions(tag);
    if (notModified != null) {
      cache.hit("catalog_etag");
      request.abortWith(notModified.tag(tag).cacheControl(REVALIDATE).build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object tag = request.getProperty(TAG);
    if (tag instanceof EntityTag entityTag && response.getStatus() == 200) {
      cache.miss("catalog_etag");
      response.getHeaders().putSingle(HttpHeaders.ETAG, entityTag);
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, REVALIDATE);
    }
  }

  /** Whose view an answer is: the caller's teams and roles, in a stable order. */
  private String audience() {
    return users
        .ifAuthenticated()
        .map(
            user ->
                String.join(",", new java.util.TreeSet<>(user.teams()))
                    + ";"
                    + String.join(",", ConditionInputs.roles(user)))
        .orElse("");
  }

  /** The validator of one read: same commit, version, path and query give the same tag. */
  static EntityTag tag(String commit, String path, MultivaluedMap<String, String> query) {
    StringBuilder key = new StringBuilder(VERSION).append('\n').append(commit).append('\n');
    key.append(path);
    for (Map.Entry<String, List<String>> parameter : new TreeMap<>(query).entrySet()) {
      for (String value : parameter.getValue()) {
        key.append('\n').append(parameter.getKey()).append('=').append(value);
      }
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return new EntityTag(
          Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static CacheControl revalidate() {
    CacheControl control = new CacheControl();
    control.setPrivate(true);
    control.setNoCache(true);
    control.setNoTransform(false);
    return control;
  }
}
