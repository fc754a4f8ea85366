/**
 * What operators, orchestrators and load balancers ask the service: liveness, readiness (database
 * reachable and migrated) served both as MicroProfile Health and in the API's envelope, the state
 * of the action queue and its dead-letter queue (shown, not a readiness condition), and the running
 * build's version and commit.
 */
package dev.pao.health;
