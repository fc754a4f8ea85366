package dev.pao.security;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Makes the caller of the current HTTP request injectable as {@link CurrentUser}. */
@ApplicationScoped
public class CurrentUserProducer {
  @Inject HttpServletRequest request;

  private final CurrentUsers users = new CurrentUsers();

  @Produces
  CurrentUser currentUser() {
    return users
        .from(request.getUserPrincipal())
        .orElseThrow(
            () -> new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"));
  }
}
