package dev.pao.shared.openapi;

/** Who may call an operation, which decides its security requirement and 401/403 answers. */
enum Access {
  /** No credentials: health, version, development tokens. */
  PUBLIC,
  /** No bearer token; the body is authenticated by its {@code X-Hub-Signature-256} HMAC. */
  SIGNED,
  /** Any bearer token. */
  TOKEN,
  /** A bearer token with the {@code platform} role. */
  PLATFORM,
  /** A bearer token with the {@code admin} role. */
  ADMIN;

  boolean needsToken() {
    return this == TOKEN || this == PLATFORM || this == ADMIN;
  }

  boolean needsRole() {
    return this == PLATFORM || this == ADMIN;
  }
}
