package dev.pao.serviceaccount.application;

import dev.pao.security.CurrentUser;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The item scope of a service account: a signed call may request only the catalog items its account
 * lists (any, when it lists none). The authenticated account is kept on the HTTP request by the
 * signature filter; a caller with a bearer token has no such scope.
 */
@ApplicationScoped
public class ServiceAccountScope {
  /** The HTTP request attribute holding the {@link ServiceAccount} that signed the call. */
  public static final String ATTRIBUTE = ServiceAccount.class.getName();

  @Inject HttpServletRequest request;

  /**
   * Refuses with 403 {@code FORBIDDEN} a request for an item outside the signing account's scope.
   */
  public void check(CurrentUser user, String catalogItemId) {
    Object account = request.getAttribute(ATTRIBUTE);
    check(account instanceof ServiceAccount signed ? signed : null, user, catalogItemId);
  }

  static void check(ServiceAccount account, CurrentUser user, String catalogItemId) {
    if (account == null || !account.subject().equals(user.subject())) {
      return;
    }
    if (!account.mayRequest(catalogItemId)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "Service account '"
              + account.name()
              + "' may request only the catalog items "
              + account.items()
              + ", not '"
              + catalogItemId
              + "' (service account item scope)");
    }
  }
}
