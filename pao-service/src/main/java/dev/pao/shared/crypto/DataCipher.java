package dev.pao.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals text with AES-256-GCM under the current key and opens text sealed under the current key or
 * an older one. A sealed value is {@code pao:sealed:v1:<key id>:<base64 of nonce and ciphertext>};
 * the associated data (e.g. request id and field path) binds it to where it is stored, so a sealed
 * value copied elsewhere does not open.
 */
public final class DataCipher {
  static final String PREFIX = "pao:sealed:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKey> keys;

  /**
   * @param currentId the id of the key new values are sealed with
   * @param keys every key by id (the current one and older ones still needed to open values), each
   *     32 bytes
   */
  public DataCipher(String currentId, Map<String, byte[]> keys) {
    if (!keys.containsKey(currentId)) {
      throw new IllegalArgumentException("no key with the current id '" + currentId + "'");
    }
    keys.forEach(
        (id, key) -> {
          if (key.length != 32) {
            throw new IllegalArgumentException(
                "data key '" + id + "' has " + key.length + " bytes; AES-256 needs 32");
          }
          if (id.isBlank() || id.contains(":")) {
            throw new IllegalArgumentException(
                "data key id '" + id + "' must be non-empty, no ':'");
          }
        });
    this.currentId = currentId;
    this.keys =
        Map.copyOf(
            keys.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES"))));
  }

  /** Whether {@code value} is a sealed value (of any key). */
  public static boolean isSealed(Object value) {
    return value instanceof String text && text.startsWith(PREFIX);
  }

  public String seal(String plain, String associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM sealing failed", e);
    }
  }

  /**
   * Opens a value {@link #seal} made, with whichever configured key sealed it.
   *
   * @throws IllegalStateException when its key is not configured or it does not open (tampered, or
   *     moved from where it was sealed); the message names the key id, never the value
   */
  public String open(String sealed, String associatedData) {
    if (!isSealed(sealed)) {
      throw new IllegalArgumentException("not a sealed value");
    }
    String rest = sealed.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    String id = colon < 0 ? "" : rest.substring(0, colon);
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new IllegalStateException(
          "A sensitive value was sealed with data key '"
              + id
              + "', which is not configured (pao.data.keys."
              + id
              + ")");
    }
    try {
      byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A sensitive value sealed with data key '" + id + "' does not open", e);
    }
  }
}
