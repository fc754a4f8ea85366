package dev.pao.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataCipherTest {
  private static final byte[] OLD = key(1);
  private static final byte[] NEW = key(2);

  @Test
  void aSealedValueHoldsNoPlainTextAndOpensAgain() {
    DataCipher cipher = new DataCipher("k1", Map.of("k1", NEW));
    String sealed = cipher.seal("\"Sup3r-Secret!\"", "request 1 form_data password");
    assertTrue(sealed.startsWith("pao:sealed:v1:k1:"), sealed);
    assertFalse(sealed.contains("Sup3r"), sealed);
    assertEquals("\"Sup3r-Secret!\"", cipher.open(sealed, "request 1 form_data password"));
    assertNotEquals(sealed, cipher.seal("\"Sup3r-Secret!\"", "request 1 form_data password"));
  }

  @Test
  void afterARotationValuesSealedWithTheOldKeyStillOpen() {
    String sealedBefore = new DataCipher("k0", Map.of("k0", OLD)).seal("old", "ad");
    DataCipher rotated = new DataCipher("k1", Map.of("k1", NEW, "k0", OLD));
    assertEquals("old", rotated.open(sealedBefore, "ad"));
    assertTrue(rotated.seal("new", "ad").startsWith("pao:sealed:v1:k1:"), "new values: new key");
  }

  @Test
  void aValueOfAKeyNoLongerConfiguredNamesTheKey() {
    String sealed = new DataCipher("k0", Map.of("k0", OLD)).seal("old", "ad");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> new DataCipher("k1", Map.of("k1", NEW)).open(sealed, "ad"));
    assertTrue(refused.getMessage().contains("'k0'"), refused.getMessage());
  }

  @Test
  void aValueMovedElsewhereOrTamperedWithDoesNotOpen() {
    DataCipher cipher = new DataCipher("k1", Map.of("k1", NEW));
    String sealed = cipher.seal("secret", "request 1 form_data password");
    assertThrows(
        IllegalStateException.class, () -> cipher.open(sealed, "request 2 form_data password"));
    // A character well inside the base64 text: all six of its bits are data (the last ones before
    // the padding may carry unused bits, which a decoder ignores).
    int at = sealed.length() - 10;
    char was = sealed.charAt(at);
    String tampered = sealed.substring(0, at) + (was == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
    assertThrows(
        IllegalStateException.class, () -> cipher.open(tampered, "request 1 form_data password"));
  }

  @Test
  void aKeyOfTheWrongSizeIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new DataCipher("k1", Map.of("k1", new byte[16])));
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
