/**
 * The chaos suite: faults injected into real servers under load (kill -9, SIGTERM, PostgreSQL and
 * the queue stopped, two instances behind a round-robin client), each bounded and on loopback only,
 * checked at an effect-counting stub: no request lost, no external effect twice. The short form
 * runs with the integration tests; {@code -Pchaos} runs the long form and prints its figures.
 */
package dev.pao.it.chaos;
