/**
 * Tests that run inside the server, through Arquillian's managed Liberty container: the test
 * server's WAR plus the test classes, deployed to a server of their own ({@link
 * dev.pao.it.server.ArquillianServer} prepares it from the service's assembled server, with an
 * embedded PostgreSQL and ElasticMQ of its own), so a test can inject beans and drive the message
 * path without HTTP.
 */
package dev.pao.it.server;
