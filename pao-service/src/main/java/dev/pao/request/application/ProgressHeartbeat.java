package dev.pao.request.application;

import dev.pao.action.spi.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The heartbeat an executor gets: each beat, at most once per {@code every}, records that the
 * request is still progressing (in a short transaction of its own). A failed beat is logged and
 * never fails the action.
 */
final class ProgressHeartbeat implements Heartbeat {
  private static final Logger LOG = Logger.getLogger(ProgressHeartbeat.class.getName());

  private final Runnable recordProgress;
  private final Clock clock;
  private final Duration every;
  private Instant last;

  ProgressHeartbeat(Runnable recordProgress, Clock clock, Duration every) {
    this.recordProgress = recordProgress;
    this.clock = clock;
    this.every = every;
    this.last = clock.instant();
  }

  @Override
  public synchronized void beat() {
    Instant now = clock.instant();
    if (Duration.between(last, now).compareTo(every) < 0) {
      return;
    }
    last = now;
    try {
      recordProgress.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record the progress of a running action", e);
    }
  }
}
