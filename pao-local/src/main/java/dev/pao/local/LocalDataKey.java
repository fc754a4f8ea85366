package dev.pao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's data key ({@code PAO_DATA_KEY}): 32 random bytes, generated once per home and
 * kept there, so a restarted server still opens the sensitive values it sealed before.
 */
final class LocalDataKey {
  static final String ID = "local";

  private LocalDataKey() {}

  /** The base64 key kept in {@code directory}, generated on first use. */
  static String in(Path directory) {
    Path file = directory.resolve("key.b64");
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(directory);
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
