/**
 * The public API's shared shapes: the success and error envelopes, error codes, and the exception
 * mappers that turn every failure into the documented error envelope. Domain refusals ({@code
 * shared/domain}) become HTTP errors here and nowhere else.
 */
package dev.pao.shared.api;
