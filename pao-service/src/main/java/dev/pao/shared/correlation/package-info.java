/**
 * Correlation ids: accepted from {@code X-Correlation-ID} (or generated) for each HTTP exchange and
 * echoed, bound to the thread for queued work too, and written into every log record through the
 * server's log context, so one id follows a request through logs, audit events and messages.
 */
package dev.pao.shared.correlation;
