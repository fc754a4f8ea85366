package dev.pao.shared.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs JWTs with RS256 and an RSA private key given as a PKCS#8 PEM: the service's one JWT signer
 * (GitHub App tokens, development tokens).
 *
 * <p>jose4j rather than smallrye-jwt-build: it is one self-contained jar, while smallrye-jwt brings
 * MicroProfile JWT and Config classes that Liberty's own mpJwt feature already provides to the
 * application, a class-loading conflict waiting to happen.
 */
public final class JwtSigner {
  private final PrivateKey key;

  private JwtSigner(PrivateKey key) {
    this.key = key;
  }

  /**
   * A signer for the key in {@code pem}.
   *
   * @throws IllegalArgumentException when it is not a PKCS#8 RSA private key
   */
  public static JwtSigner fromPkcs8Pem(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return new JwtSigner(
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
    }
  }

  /** The compact serialization of {@code claims}, header {@code {"alg":"RS256","typ":"JWT"}}. */
  public String sign(JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("RS256 signing failed", e);
    }
  }
}
