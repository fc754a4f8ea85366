/** The queue management API (role {@code admin}): statistics, listings and DLQ redrive. */
package dev.pao.queue.api;
