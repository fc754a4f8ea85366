/**
 * The small pieces every capability's metrics share: readings cached between scrapes, the API's
 * rate/errors/duration meter, and cache hit/miss counters. The meters of a capability live next to
 * it (request, catalog, queue, action, health).
 */
package dev.pao.shared.metrics;
