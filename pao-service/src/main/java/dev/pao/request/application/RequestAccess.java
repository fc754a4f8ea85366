package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.request.infra.RequestStore;
import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import dev.pao.shared.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Request isolation: a developer sees the requests they submitted and those of their teams; admins
 * see all. Anything else answers 404, exactly like an unknown id, so ids cannot be probed.
 */
@ApplicationScoped
public class RequestAccess {
  @Inject RequestStore store;

  public Request visible(UUID id, CurrentUser user) {
    return store
        .current(id)
        .filter(request -> canSee(request, user))
        .orElseThrow(() -> notFound(id));
  }

  /** As {@link #visible}, with the request row locked for a change. */
  public Request visibleForUpdate(UUID id, CurrentUser user) {
    visible(id, user);
    return store.lock(id).orElseThrow(() -> notFound(id));
  }

  public static boolean canSee(Request request, CurrentUser user) {
    if (user.has(Role.ADMIN) || request.requester().subject().equals(user.subject())) {
      return true;
    }
    return request.requester().teams().stream().anyMatch(user::memberOf);
  }

  private static ApiException notFound(UUID id) {
    return ApiException.notFound("No request " + id);
  }
}
