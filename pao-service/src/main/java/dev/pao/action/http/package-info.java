/**
 * Outbound HTTP of the executors. Every call, typed or plain, goes through {@link
 * dev.pao.action.http.OutboundPolicy}: the host policy (allowlist for templated targets, no
 * link-local or metadata addresses, sandbox stand-ins), a resilience4j circuit breaker per host
 * ({@link dev.pao.action.http.HostBreakers}, metric {@code pao_outbound_circuit_open{host}}), the
 * action's time budget and {@code 429 Retry-After} waits. Configured instances (JIRA, GitHub,
 * Terraform) are reached through typed MicroProfile Rest Clients built per instance by {@link
 * dev.pao.action.http.TypedClients}, whose {@link dev.pao.action.http.AnswerClassifier} maps error
 * answers onto the failed/transient pair; REST actions use {@link
 * dev.pao.action.http.OutboundHttp}, a plain client, because their requests are templated.
 */
package dev.pao.action.http;
