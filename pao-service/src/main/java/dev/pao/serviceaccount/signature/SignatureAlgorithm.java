package dev.pao.serviceaccount.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The signature algorithms of RFC 9421 §3.3 a service account's key may use, each with its JDK
 * verifier: Ed25519, ECDSA P-256 with SHA-256 (r and s concatenated, as §3.3.4 has it) and RSASSA-
 * PSS with SHA-512 (§3.3.1: MGF1 SHA-512, 64 bytes of salt).
 */
public enum SignatureAlgorithm {
  ED25519("ed25519"),
  ECDSA_P256_SHA256("ecdsa-p256-sha256"),
  RSA_PSS_SHA512("rsa-pss-sha512");

  private final String wireName;

  SignatureAlgorithm(String wireName) {
    this.wireName = wireName;
  }

  /** The name of the {@code alg} signature parameter. */
  public String wireName() {
    return wireName;
  }

  public static Optional<SignatureAlgorithm> fromWireName(String name) {
    for (SignatureAlgorithm algorithm : values()) {
      if (algorithm.wireName.equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code signature} is this algorithm's signature of {@code base} by {@code key}. */
  public boolean verifies(PublicKey key, byte[] base, byte[] signature) {
    try {
      Signature verifier =
          switch (this) {
            case ED25519 -> Signature.getInstance("Ed25519");
            case ECDSA_P256_SHA256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case RSA_PSS_SHA512 -> {
              Signature pss = Signature.getInstance("RSASSA-PSS");
              pss.setParameter(
                  new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
              yield pss;
            }
          };
      verifier.initVerify(key);
      verifier.update(base);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A public key read from PEM (SubjectPublicKeyInfo), with the algorithm it signs with. */
  public record Key(PublicKey publicKey, SignatureAlgorithm algorithm) {}

  /**
   * Reads a PEM public key: Ed25519, EC on P-256, or RSA of 2048 bits or more.
   *
   * @throws IllegalArgumentException saying why the key is refused
   */
  public static Key read(String pem) {
    if (pem == null || !pem.contains("-----BEGIN PUBLIC KEY-----")) {
      throw new IllegalArgumentException("a PEM public key (-----BEGIN PUBLIC KEY-----)");
    }
    String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM body is not base64");
    }
    for (String type : new String[] {"Ed25519", "EC", "RSA"}) {
      try {
        PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
        return new Key(key, algorithmOf(key));
      } catch (GeneralSecurityException e) {
        // not this type; try the next
      }
    }
    throw new IllegalArgumentException("not an Ed25519, ECDSA P-256 or RSA public key");
  }

  private static SignatureAlgorithm algorithmOf(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      if (ec.getParams().getCurve().getField().getFieldSize() != 256) {
        throw new IllegalArgumentException("an EC key must be on P-256");
      }
      return ECDSA_P256_SHA256;
    }
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < 2048) {
        throw new IllegalArgumentException("an RSA key must have 2048 bits or more");
      }
      return RSA_PSS_SHA512;
    }
    return ED25519;
  }
}
