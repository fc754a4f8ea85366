/**
 * The rest action: templated HTTP calls to allowed hosts over the plain {@link
 * dev.pao.action.http.OutboundHttp} client, under the same outbound policy as the typed clients.
 */
package dev.pao.action.rest;
