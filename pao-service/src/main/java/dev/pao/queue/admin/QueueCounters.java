package dev.pao.queue.admin;

/**
 * The state of one queue.
 *
 * @param depth messages waiting to be received
 * @param inFlight messages received and not yet deleted (being processed)
 * @param delayed messages sent with a delay that has not passed
 * @param oldestMessageAgeSeconds age of the oldest message, or null when there is none
 */
public record QueueCounters(
    long depth, long inFlight, long delayed, Long oldestMessageAgeSeconds) {}
