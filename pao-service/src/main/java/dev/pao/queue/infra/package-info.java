/** The action queue on SQS (or ElasticMQ): client, settings, and the start-up topology check. */
package dev.pao.queue.infra;
