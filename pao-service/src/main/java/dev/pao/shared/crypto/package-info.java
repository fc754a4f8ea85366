/**
 * Application-level encryption of sensitive values at rest: AES-256-GCM with keys from
 * configuration, each sealed value naming the key that sealed it so keys can be rotated.
 */
package dev.pao.shared.crypto;
