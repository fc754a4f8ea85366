/**
 * What operators, orchestrators and load balancers ask the service: liveness, the readiness checks
 * (database reachable and migrated, action queue and dead-letter queue in place) served both as
 * MicroProfile Health and in the API's envelope, and the running build's version and commit.
 */
package dev.pao.health;
