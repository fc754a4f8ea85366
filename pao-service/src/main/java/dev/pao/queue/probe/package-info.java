/**
 * Test probes for the message path, active only with {@code PAO_QUEUE_PROBES=true} (the integration
 * tests and the benchmark set it; production never does): handlers of {@code probe.*} messages that
 * do nothing, record their deliveries in {@code queue_probe_deliveries}, fail, or work for a while.
 * Tests read what they recorded from the database.
 */
package dev.pao.queue.probe;
