package dev.pao;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The per-input bound every fuzz target holds its code to: an input must be answered within a
 * second of CPU time, however it is crafted (CPU time of the checking thread, so a busy build
 * machine does not count against the code; libFuzzer's own -timeout catches an input that never
 * returns). The first inputs pay for class loading, so each target warms up before fuzzing.
 */
final class FuzzBudget {
  static final long MAX_NANOS_PER_INPUT = 1_000_000_000L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String target;

  FuzzBudget(String target) {
    this.target = target;
  }

  /** Runs one input, failing (a fuzzer finding) when it took more than a second of CPU. */
  void run(String input, Runnable check) {
    long start = THREADS.getCurrentThreadCpuTime();
    check.run();
    long took = THREADS.getCurrentThreadCpuTime() - start;
    if (took > MAX_NANOS_PER_INPUT) {
      throw new AssertionError(
          target
              + " took "
              + took / 1_000_000
              + " ms of CPU for an input of "
              + input.length()
              + " chars");
    }
  }
}
