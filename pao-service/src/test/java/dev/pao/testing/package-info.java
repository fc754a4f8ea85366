/**
 * In-memory fakes of the request and queue ports (requests, outbox, action queue, dead-letter
 * queue) and a recording audit log, for fast tests of the orchestration core.
 */
package dev.pao.testing;
