/**
 * Servlet-level edges of the web application outside the JAX-RS API: what a browser gets for paths
 * that match nothing.
 */
package dev.pao.shared.web;
