package dev.pao.security;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Makes the caller of the current HTTP request injectable as {@link CurrentUser}. */
@ApplicationScoped
public class CurrentUserProducer {
  @Inject HttpServletRequest request;

  private final CurrentUsers users = new CurrentUsers();

  @Produces
  CurrentUser currentUser() {
    return ifAuthenticated()
        .orElseThrow(
            () -> new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"));
  }

  /** The caller, when the current HTTP request carries a verified token (public endpoints). */
  public Optional<CurrentUser> ifAuthenticated() {
    return users.from(request.getUserPrincipal());
  }
}
