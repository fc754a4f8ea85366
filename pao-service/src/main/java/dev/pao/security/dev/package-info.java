/**
 * Development mode: locally minted tokens (signed by the shared {@link
 * dev.pao.shared.jwt.JwtSigner}), impossible to enable by accident.
 */
package dev.pao.security.dev;
