/** Secrets referenced by name, resolved from the service's configuration. */
package dev.pao.action.secret;
