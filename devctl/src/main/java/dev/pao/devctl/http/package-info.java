/**
 * The public API as devctl sees it: a small client on the JDK's HttpClient that sends the bearer
 * token and a correlation id, and turns the error envelope into an exception with an exit code.
 */
package dev.pao.devctl.http;
