/** Health, readiness and version: what operators and load balancers ask the service. */
package dev.pao.health;
