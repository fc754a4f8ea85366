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

  /**
   * The HTTP request attribute that keeps the caller once known (set by the access guard, or before
   * it by the service-account signature filter).
   */
  public static final String ATTRIBUTE = CurrentUser.class.getName();

  @Produces
  CurrentUser currentUser() {
    return current();
  }

  /** The caller of the current HTTP request, for beans that outlive it. */
  public CurrentUser current() {
    return ifAuthenticated()
        .orElseThrow(
            () -> new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"));
  }

  /** The caller, when the current HTTP request carries a verified token (public endpoints). */
  public Optional<CurrentUser> ifAuthenticated() {
    if (request.getAttribute(ATTRIBUTE) instanceof CurrentUser known) {
      return Optional.of(known);
    }
    Optional<CurrentUser> user = users.from(request.getUserPrincipal());
    user.ifPresent(caller -> request.setAttribute(ATTRIBUTE, caller));
    return user;
  }
}
