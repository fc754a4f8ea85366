package dev.pao.request.application;

import dev.pao.governance.ApprovalGate;
import dev.pao.request.domain.ApprovalDecisions;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestStatus;
import dev.pao.security.CurrentUser;
import dev.pao.shared.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /approvals}: the requests awaiting an approval the caller may give and has not given
 * yet, newest first, in cursor pages like every listing. Requests are read in the listing order and
 * kept when the caller is one of their pending gate's approvers.
 */
@ApplicationScoped
public class ApprovalInbox {
  /** How many awaiting requests one page reads at most while looking for the caller's. */
  private static final int SCAN = 2000;

  @Inject RequestReads reads;
  @Inject ApprovalDecisions decisions;

  /** One page of pending approvals and the cursor of the next (null on the last page). */
  public record Page(List<Approvals.Pending> pending, String nextCursor) {}

  public Page waitingFor(CurrentUser user, String cursor, int limit) {
    if (limit < 1 || limit > 200) {
      throw ValidationException.of("Invalid query parameter limit", "limit", "between 1 and 200");
    }
    RequestReads.Position after = cursor == null ? null : RequestListing.decode(cursor);
    List<Approvals.Pending> found = new ArrayList<>();
    int scanned = 0;
    while (found.size() < limit && scanned < SCAN) {
      RequestReads.Slice slice =
          reads.page(
              new RequestReads.Listing(
                  null, RequestStatus.AWAITING_APPROVAL, null, null, null, after, 200));
      for (Request request : slice.requests()) {
        scanned++;
        after = RequestReads.Position.of(request);
        pendingFor(request, user).ifPresent(found::add);
        if (found.size() == limit) {
          return new Page(found, RequestListing.encode(request));
        }
      }
      if (!slice.more()) {
        return new Page(found, null);
      }
    }
    return new Page(found, after == null ? null : RequestListing.encode(after));
  }

  private Optional<Approvals.Pending> pendingFor(Request request, CurrentUser user) {
    Optional<ApprovalGate> gate = Approvals.waitingAt(request);
    if (gate.isEmpty() || !Approvals.mayDecide(request, gate.get(), user)) {
      return Optional.empty();
    }
    List<ApprovalDecisions.Decision> given =
        decisions.of(request.requestId(), gate.get().actionIndex());
    boolean decided =
        given.stream().anyMatch(decision -> decision.approverSubject().equals(user.subject()));
    return decided
        ? Optional.empty()
        : Optional.of(new Approvals.Pending(request, gate.get(), given));
  }
}
