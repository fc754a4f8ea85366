package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pao.request.domain.RequestStatus;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {
  @Test
  void runsFinishWhenCompletedFailedOrAborted() {
    assertEquals("completed", RequestMetrics.finishOutcome(RequestStatus.COMPLETED));
    assertEquals("failed", RequestMetrics.finishOutcome(RequestStatus.FAILED));
    assertEquals("aborted", RequestMetrics.finishOutcome(RequestStatus.ABORTED));
    for (RequestStatus status :
        new RequestStatus[] {
          RequestStatus.SUBMITTED,
          RequestStatus.QUEUED,
          RequestStatus.IN_PROGRESS,
          RequestStatus.RETRYING,
          RequestStatus.STUCK,
          RequestStatus.ESCALATED
        }) {
      assertNull(RequestMetrics.finishOutcome(status), status.name());
    }
  }

  @Test
  void jiraActionsAreManualEverythingElseAutomated() {
    assertEquals("manual", RequestMetrics.automation("jira"));
    assertEquals("automated", RequestMetrics.automation("terraform"));
    assertEquals("automated", RequestMetrics.automation("github-commit"));
    assertEquals("automated", RequestMetrics.automation("rest"));
  }

  @Test
  void attemptsWithAnUnknownOutcomeAreNotCounted() {
    assertEquals("succeeded", RequestMetrics.actionOutcome("completed"));
    assertEquals("failed", RequestMetrics.actionOutcome("failed"));
    assertNull(RequestMetrics.actionOutcome("transient"));
  }
}
