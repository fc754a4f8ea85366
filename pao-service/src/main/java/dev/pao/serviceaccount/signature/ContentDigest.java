package dev.pao.serviceaccount.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code Content-Digest} field of RFC 9530 with {@code sha-256}: {@code sha-256=:<base64 of the
 * SHA-256 of the body>:}. Other algorithms in the field are ignored; sha-256 must be among them.
 */
public final class ContentDigest {
  private ContentDigest() {}

  /** The field value for {@code body}. */
  public static String of(byte[] body) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
  }

  /**
   * Checks the field against the body as received.
   *
   * @throws SignatureException naming what is wrong: no field, no sha-256 member, or a mismatch
   */
  public static void check(String field, byte[] body) {
    if (field == null || field.isBlank()) {
      throw new SignatureException("Content-Digest (sha-256) is required with a body");
    }
    for (String member : field.split(",")) {
      String trimmed = member.trim();
      if (trimmed.startsWith("sha-256=")) {
        String value = trimmed.substring("sha-256=".length()).trim();
        if (value.length() < 2 || !value.startsWith(":") || !value.endsWith(":")) {
          throw new SignatureException("Content-Digest sha-256 is not a byte sequence (:base64:)");
        }
        byte[] claimed;
        try {
          claimed = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
        } catch (IllegalArgumentException e) {
          throw new SignatureException("Content-Digest sha-256 is not base64");
        }
        if (!MessageDigest.isEqual(claimed, sha256(body))) {
          throw new SignatureException("Content-Digest does not match the request body");
        }
        return;
      }
    }
    throw new SignatureException("Content-Digest has no sha-256 member");
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
