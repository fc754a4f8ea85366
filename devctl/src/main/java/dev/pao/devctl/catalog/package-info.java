/**
 * The catalog commands: offline validation and preview of a catalog checkout with pao-core (the
 * server's own rules and messages), and the catalog endpoints of the API.
 */
package dev.pao.devctl.catalog;
