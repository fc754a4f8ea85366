/**
 * Looking at and repairing the action queue without disturbing it: statistics from the queues'
 * attribute counters, the main queue's contents from the database's record of what was sent and not
 * yet finished (SQS has no peek, and every receive counts towards the DLQ), and the redrive of one
 * dead letter. The dead-letter queue itself is read through the {@link
 * dev.pao.queue.domain.DeadLetters} port, which releases what it reads at once.
 */
package dev.pao.queue.admin;
