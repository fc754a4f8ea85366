package dev.pao.action.spi;

/**
 * Tells PAO that the action is still being worked on: the request counts as progressing, so the
 * watchdog does not mark it stuck. Executors call it while they wait on long work (a Terraform run,
 * a workflow); calling it often is cheap, progress is recorded at most once a minute or so. (The
 * queue message's visibility is renewed by the resource adapter meanwhile.)
 */
@FunctionalInterface
public interface Heartbeat {
  Heartbeat NONE = () -> {};

  void beat();
}
