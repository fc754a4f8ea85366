/**
 * The request ports on PostgreSQL: JPA for the aggregate ({@link
 * dev.pao.request.infra.JpaRequestRepository}) and committed reads with one-query listing pages
 * ({@link dev.pao.request.infra.JpaRequestReads}), native SQL for the watchdog's sweep, retention
 * and idempotency keys. All of the request capability's SQL lives here.
 */
package dev.pao.request.infra;
