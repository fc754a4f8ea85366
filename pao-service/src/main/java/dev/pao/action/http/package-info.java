/** Outbound HTTP of the executors: host policy, circuit breakers, rate-limit waits, instances. */
package dev.pao.action.http;
