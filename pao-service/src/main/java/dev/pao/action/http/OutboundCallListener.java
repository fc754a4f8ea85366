package dev.pao.action.http;

import java.net.URI;

/**
 * Told about every outbound call attempt when it ends, for metrics: which configured instance it
 * went to ({@code null} for a templated target), the host, how it ended and how long it took.
 */
@FunctionalInterface
public interface OutboundCallListener {
  OutboundCallListener NONE = (configured, host, outcome, nanos) -> {};

  void finished(URI configured, String host, OutboundOutcome outcome, long nanos);
}
