package dev.pao.action.spi;

import java.util.Optional;

/**
 * Performs one fulfillment action type (jira, rest, github-commit, ...). The runner renders the
 * action's templates, then calls {@link #execute}; it never retries on its own.
 *
 * <p>Contract: an executor either returns a result, throws {@link ActionFailedException} when the
 * action failed for a reason of its own (the request becomes {@code failed} and waits for a
 * person), or throws {@link TransientActionException} when the outcome is unknown because of an
 * infrastructure problem (the message is redelivered). Redelivery is normal: before creating
 * anything, an executor checks whether {@link ActionCall#idempotencyKey()} already produced a
 * result, and returns that result instead of acting twice.
 */
public interface ActionExecutor {

  /** The action type this executor handles, as written in catalog documents. */
  String type();

  /**
   * Performs the action. An executor that started something long outside (a workflow run, a
   * Terraform run) does not sleep until it ends: it answers {@link ActionResult#waiting} and is
   * asked again later through {@link #check}.
   */
  ActionResult execute(ActionCall call);

  /**
   * Looks once (no sleeping) at what an earlier {@link #execute} or check of the same attempt waits
   * for: answers the finished result, or {@link ActionResult#waiting} again; the failure branches
   * are those of {@link #execute}. Only executors that answer waiting implement it.
   */
  default ActionResult check(ActionCall call, ActionWait wait) {
    throw new ActionFailedException("The action type " + type() + " cannot wait");
  }

  /** Whether the action has effects outside PAO (shown before a retry). */
  default boolean hasExternalSideEffects() {
    return true;
  }

  /**
   * The live status of something this executor created earlier (e.g. a JIRA ticket), fetched on
   * demand; empty when the type has no such notion.
   */
  default Optional<ExternalStatus> liveStatus(ExternalRef ref) {
    return Optional.empty();
  }
}
