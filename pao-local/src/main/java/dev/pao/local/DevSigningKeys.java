package dev.pao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The development token key pair: the private half signs tokens minted in development mode, the
 * public half is what the server verifies every token with. Generated once per local stack home.
 */
public record DevSigningKeys(Path privateKey, Path publicKey) {

  public static DevSigningKeys in(Path directory) {
    DevSigningKeys keys =
        new DevSigningKeys(directory.resolve("private.pem"), directory.resolve("public.pem"));
    if (!Files.exists(keys.privateKey) || !Files.exists(keys.publicKey)) {
      keys.generate();
    }
    return keys;
  }

  private void generate() {
    try {
      Files.createDirectories(privateKey.getParent());
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.writeString(
          privateKey,
          pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          StandardCharsets.US_ASCII);
      Files.writeString(
          publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
