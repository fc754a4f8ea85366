/**
 * The request use cases, on the request ports and the queue's outbox: submission, the runner behind
 * the queue and its transactional steps, retry/abort/escalate, the watchdog, reads and listing,
 * retention, and marking a request queued once its message was sent. Every status change goes
 * through an intent-named method of the aggregate and is audited by {@link
 * dev.pao.request.application.RequestTransitions}. Results are domain objects; the API assembles
 * its views from them.
 */
package dev.pao.request.application;
