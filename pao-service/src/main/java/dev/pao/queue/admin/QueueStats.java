package dev.pao.queue.admin;

/**
 * Both queues at a glance.
 *
 * @param main the action queue
 * @param dlq its dead-letter queue
 * @param processedPerMinute messages this instance processed per minute over the window
 * @param rateWindowMinutes the window of {@code processedPerMinute}
 */
public record QueueStats(
    QueueCounters main, QueueCounters dlq, double processedPerMinute, long rateWindowMinutes) {}
