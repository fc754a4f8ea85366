/**
 * Secrets referenced by name, resolved from the service's configuration; {@link
 * dev.pao.action.secret.SecretConfiguration} provides the executors' one {@link
 * dev.pao.action.secret.SecretStore}.
 */
package dev.pao.action.secret;
