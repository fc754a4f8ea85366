package dev.pao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time and memory of the server's processes, read from {@code /proc}: a process tree's CPU is
 * its own and its live descendants' user+system time plus what its reaped children used.
 */
final class ServerUsage {
  private static final double TICK_MILLIS = 10.0; // USER_HZ is 100 on Linux

  private final List<ProcessHandle> roots;

  ServerUsage(List<ProcessHandle> roots) {
    this.roots = List.copyOf(roots);
  }

  /** CPU milliseconds used so far by every process of the trees. */
  long cpuMillis() {
    long[] each = cpuMillisEach();
    long total = 0;
    for (long millis : each) {
      total += millis;
    }
    return total;
  }

  /** CPU milliseconds used so far by each tree, in the order given. */
  long[] cpuMillisEach() {
    long[] each = new long[roots.size()];
    for (int i = 0; i < roots.size(); i++) {
      ProcessHandle root = roots.get(i);
      long ticks = ticks(root.pid(), true);
      for (ProcessHandle child : root.descendants().toList()) {
        ticks += ticks(child.pid(), false);
      }
      each[i] = Math.round(ticks * TICK_MILLIS);
    }
    return each;
  }

  /** The peak resident set (VmHWM) of the largest process of the first tree, in MiB. */
  static long peakRssMib(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
            .mapToLong(process -> statusKib(process.pid(), "VmHWM:"))
            .max()
            .orElse(0)
        / 1024;
  }

  /** The current resident set of the largest process of the tree, in MiB. */
  static long rssMib(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
            .mapToLong(process -> statusKib(process.pid(), "VmRSS:"))
            .max()
            .orElse(0)
        / 1024;
  }

  private static long ticks(long pid, boolean withReapedChildren) {
    Optional<String[]> fields = stat(pid);
    if (fields.isEmpty()) {
      return 0;
    }
    String[] f = fields.get();
    // Fields after the command: state is index 0, utime 11, stime 12, cutime 13, cstime 14.
    long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return withReapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
  }

  private static Optional<String[]> stat(long pid) {
    try {
      String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return Optional.of(text.substring(text.lastIndexOf(')') + 2).split(" "));
    } catch (IOException e) {
      return Optional.empty(); // ended meanwhile
    }
  }

  private static long statusKib(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      // ended meanwhile
    }
    return 0;
  }
}
