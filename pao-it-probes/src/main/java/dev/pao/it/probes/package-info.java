/**
 * Test probes for the message path, deployed only in the integration tests' and benchmarks' server
 * (the service WAR overlaid with this module, {@code pao-it-probes/target/pao.war}); the production
 * WAR has none of them. Handlers of {@code probe.*} messages that do nothing, record their
 * deliveries in {@code queue_probe_deliveries} (created by the test-only migration location {@code
 * classpath:db/probe}, which {@link dev.pao.it.probes.ProbeMigrations} adds), fail, or work for a
 * while. Tests read what they recorded from the database.
 */
package dev.pao.it.probes;
