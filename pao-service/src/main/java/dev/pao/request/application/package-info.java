/**
 * The request use cases: submission, the runner behind the queue, retry/abort/escalate, the
 * watchdog, reads, and retention.
 */
package dev.pao.request.application;
