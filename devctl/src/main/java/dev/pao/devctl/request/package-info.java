/**
 * The request commands: submit (with an idempotency key and an optional wait), list, show, status,
 * logs, and the human decisions retry, abort and escalate, one by one or in batches.
 */
package dev.pao.devctl.request;
