package dev.pao.security;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Guards every resource method: authenticated unless {@link PublicEndpoint}, and holding the {@link
 * RequiresRole} role if one is named. The token itself is verified by the server's MicroProfile JWT
 * support before the request gets here; this answers in the API's error envelope.
 */
@Provider
public class AccessControlFeature implements DynamicFeature {
  private final CurrentUsers users = new CurrentUsers();

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method.isAnnotationPresent(PublicEndpoint.class)
        || type.isAnnotationPresent(PublicEndpoint.class)) {
      return;
    }
    RequiresRole required = method.getAnnotation(RequiresRole.class);
    if (required == null) {
      required = type.getAnnotation(RequiresRole.class);
    }
    context.register(new Guard(required == null ? Role.DEVELOPER : required.value()));
  }

  @Priority(Priorities.AUTHORIZATION)
  private final class Guard implements ContainerRequestFilter {
    private final Role role;

    Guard(Role role) {
      this.role = role;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      // A caller authenticated before the guard (a service account's signed call) stands.
      CurrentUser signed =
          request.getProperty(CurrentUserProducer.ATTRIBUTE) instanceof CurrentUser known
              ? known
              : null;
      CurrentUser user =
          Optional.ofNullable(signed)
              .or(() -> users.from(request.getSecurityContext().getUserPrincipal()))
              .orElseThrow(
                  () ->
                      new ApiException(
                          ErrorCode.UNAUTHENTICATED,
                          "A valid bearer token is required (Authorization: Bearer <JWT>)"));
      // Kept for the rest of this HTTP request: resources read the caller from it.
      request.setProperty(CurrentUserProducer.ATTRIBUTE, user);
      if (!user.has(role)) {
        throw new ApiException(
            ErrorCode.FORBIDDEN, "This operation needs the '" + role.claimValue() + "' role");
      }
    }
  }
}
