/**
 * Looking at and repairing the action queue without disturbing it: statistics from the queues'
 * attribute counters, the main queue's contents from the database's record of what was sent and not
 * yet finished (SQS has no peek, and every receive counts towards the DLQ), the dead-letter queue
 * read directly but released at once, and the redrive of one dead letter.
 */
package dev.pao.queue.admin;
