/**
 * Traces through MicroProfile Telemetry (OpenTelemetry API only; the server provides the SDK and
 * the exporter, off unless configured): the trace context handed from a request to its queue
 * messages and taken up by the worker, client spans of the plain HTTP calls, and the correlation
 * and request ids on every span PAO makes. With the SDK disabled every call here is a no-op.
 */
package dev.pao.shared.tracing;
