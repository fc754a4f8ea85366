package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestNotFoundException;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestRow;
import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Request isolation: a developer sees the requests they submitted and those of their teams; admins
 * see all. Anything else is answered as not found, exactly like an unknown id, so ids cannot be
 * probed.
 */
@ApplicationScoped
public class RequestAccess {
  @Inject RequestReads reads;
  @Inject RequestRepository repository;

  protected RequestAccess() {}

  RequestAccess(RequestReads reads, RequestRepository repository) {
    this.reads = reads;
    this.repository = repository;
  }

  /**
   * The request as committed now, if the user may see it.
   *
   * @throws RequestNotFoundException if there is none the user may see
   */
  public Request visible(RequestId id, CurrentUser user) {
    return reads
        .request(id)
        .filter(request -> canSee(request, user))
        .orElseThrow(() -> new RequestNotFoundException(id));
  }

  /** As {@link #visible}, with the request row locked for a change in the caller's transaction. */
  public Request visibleForUpdate(RequestId id, CurrentUser user) {
    visible(id, user);
    return repository.lock(id).orElseThrow(() -> new RequestNotFoundException(id));
  }

  /**
   * The request's own row, if the user may see it.
   *
   * @throws RequestNotFoundException if there is none the user may see
   */
  public RequestRow visibleRow(RequestId id, CurrentUser user) {
    return reads
        .row(id)
        .filter(row -> canSee(row.requesterSubject(), row.requesterTeams(), user))
        .orElseThrow(() -> new RequestNotFoundException(id));
  }

  public static boolean canSee(Request request, CurrentUser user) {
    return canSee(request.requester().subject(), request.requester().teams(), user);
  }

  private static boolean canSee(String subject, List<String> teams, CurrentUser user) {
    if (user.has(Role.ADMIN) || subject.equals(user.subject())) {
      return true;
    }
    return teams.stream().anyMatch(user::memberOf);
  }
}
