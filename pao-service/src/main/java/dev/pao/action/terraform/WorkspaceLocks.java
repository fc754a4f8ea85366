package dev.pao.action.terraform;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mutual exclusion per Terraform workspace across every PAO server: held while one action checks
 * that the workspace is free, sets its variables and starts its run, so no other request's
 * variables can be written in between.
 */
public interface WorkspaceLocks {

  /** A lock held until closed. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Takes the lock named {@code name} if nobody holds it; never waits. */
  Optional<Held> tryLock(String name);

  /** Locks within this process only (tests, a single server). */
  static WorkspaceLocks inProcess() {
    Set<String> held = ConcurrentHashMap.newKeySet();
    return name -> held.add(name) ? Optional.of(() -> held.remove(name)) : Optional.empty();
  }
}
