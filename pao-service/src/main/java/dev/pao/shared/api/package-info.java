/**
 * The public API's shared shapes and edges: the success and error envelopes, the error codes with
 * their HTTP statuses, the JSON-B dialect of the API, the request body size limit, and the few
 * exception mappers that turn every failure into the documented error envelope (4xx logged at
 * WARNING, 5xx at SEVERE, never a Java class name or stack trace in the answer). Domain refusals
 * ({@code shared/domain}) become HTTP errors here and nowhere else.
 */
package dev.pao.shared.api;
