package dev.pao.action.spi;

/** Tells the queue that the action is still being worked on (extends the message visibility). */
@FunctionalInterface
public interface Heartbeat {
  Heartbeat NONE = () -> {};

  void beat();
}
