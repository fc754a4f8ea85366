package dev.pao.devctl.request;

import java.util.Set;

/** The request states a wait ends in: done, or waiting for a person. */
final class RequestStates {
  static final String COMPLETED = "completed";
  private static final Set<String> FINAL =
      Set.of(COMPLETED, "failed", "aborted", "rejected", "escalated", "stuck", "awaiting_approval");

  private RequestStates() {}

  static boolean isFinal(String status) {
    return FINAL.contains(status);
  }
}
