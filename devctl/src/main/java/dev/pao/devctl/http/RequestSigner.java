package dev.pao.devctl.http;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

/**
 * Signs API calls as a service account with HTTP Message Signatures (RFC 9421): an Ed25519 private
 * key (PKCS#8 PEM, as {@code openssl genpkey -algorithm ed25519} writes it) and the account's key
 * id. Covers {@code @method}, {@code @path} and, with a body, {@code content-digest} (RFC 9530,
 * sha-256), with {@code created}, {@code keyid} and {@code alg}.
 */
public final class RequestSigner {
  private final PrivateKey key;
  private final String keyId;
  private final Clock clock;

  RequestSigner(PrivateKey key, String keyId, Clock clock) {
    this.key = key;
    this.keyId = keyId;
    this.clock = clock;
  }

  /** A signer with the key in a PEM file. */
  public static RequestSigner fromPem(Path pem, String keyId) {
    if (keyId == null || keyId.isBlank()) {
      throw new DevctlException(
          ExitCodes.USAGE, "A service account key needs its key id (--key-id)");
    }
    try {
      String body =
          Files.readString(pem)
              .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      return new RequestSigner(key, keyId, Clock.systemUTC());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new DevctlException(
          ExitCodes.USAGE, "Cannot read the Ed25519 private key " + pem + ": " + e.getMessage());
    }
  }

  /** Adds Content-Digest (with a body), Signature-Input and Signature to the request. */
  void sign(HttpRequest.Builder request, String method, URI uri, byte[] body) {
    long created = clock.instant().getEpochSecond();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    boolean hasBody = body != null && body.length > 0;
    String components =
        hasBody ? "\"@method\" \"@path\" \"content-digest\"" : "\"@method\" \"@path\"";
    String params =
        "(" + components + ");created=" + created + ";keyid=\"" + keyId + "\";alg=\"ed25519\"";
    StringBuilder base = new StringBuilder();
    base.append("\"@method\": ").append(method).append('\n');
    base.append("\"@path\": ").append(path).append('\n');
    if (hasBody) {
      String digest = digest(body);
      base.append("\"content-digest\": ").append(digest).append('\n');
      request.header("Content-Digest", digest);
    }
    base.append("\"@signature-params\": ").append(params);
    request.header("Signature-Input", "sig1=" + params);
    request.header("Signature", "sig1=:" + signature(base.toString()) + ":");
  }

  static String digest(byte[] body) {
    try {
      return "sha-256=:"
          + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body))
          + ":";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String signature(String base) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(base.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
