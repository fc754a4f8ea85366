package dev.pao.request.application;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.request.domain.DueApprovals;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Escalates requests whose approval was left undecided past its due time: nobody decided, so a
 * person in support must. Runs in every instance; overdue requests are taken with {@code SKIP
 * LOCKED}, so each is escalated once.
 */
@ApplicationScoped
public class ApprovalTimeouts {
  private static final Logger LOG = Logger.getLogger(ApprovalTimeouts.class.getName());
  private static final AuditEvent.Actor TIMEOUT = AuditEvent.Actor.system("approval-timeout");
  private static final int SWEEP_LIMIT = 100;

  @Inject DueApprovals due;
  @Inject RequestRepository repository;
  @Inject RequestTransitions transitions;
  @Inject ApprovalTimeouts self;

  @Resource ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> sweeps;

  @Inject
  @ConfigProperty(name = "pao.approvals.sweep-seconds", defaultValue = "30")
  long everySeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    sweeps =
        scheduler.scheduleWithFixedDelay(
            this::sweepSafely, everySeconds, everySeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  void sweepSafely() {
    try {
      self.sweep();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Approval timeout sweep failed; trying again next time", e);
    }
  }

  /** One sweep; answers how many requests it escalated. */
  @Transactional
  public int sweep() {
    int escalated = 0;
    for (RequestId id : due.lockOverdue(SWEEP_LIMIT)) {
      Request request = repository.lock(id).orElse(null);
      if (request == null || request.status() != RequestStatus.AWAITING_APPROVAL) {
        continue;
      }
      String dueAt = String.valueOf(request.approvalDueAt());
      String reason = "approval not decided by " + dueAt;
      transitions.record(
          request,
          request.escalate(reason, transitions.now()),
          TIMEOUT,
          Map.of("approval_due_at", dueAt));
      LOG.warning("Request " + id + " escalated: " + reason);
      escalated++;
    }
    return escalated;
  }
}
