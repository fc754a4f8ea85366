/**
 * Development mode: minting tokens for any identity and role from a local key (signed by the shared
 * {@link dev.pao.shared.jwt.JwtSigner}), for local runs and tests. Off unless {@code
 * PAO_DEV_MODE=true}; when on, it is announced loudly at start, and when off, the token endpoint
 * answers 404.
 */
package dev.pao.security.dev;
