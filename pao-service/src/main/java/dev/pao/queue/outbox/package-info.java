/**
 * The outbox in one place: {@link dev.pao.queue.outbox.OutboxWriter} is the only writer of outbox
 * rows (one per action attempt, keyed by its {@link dev.pao.queue.domain.AttemptKey}), and {@link
 * dev.pao.queue.outbox.OutboxRelay} sends them to the FIFO queue, nudged after every commit that
 * wrote one and polling to catch up after faults; failed sends are counted on the row.
 */
package dev.pao.queue.outbox;
