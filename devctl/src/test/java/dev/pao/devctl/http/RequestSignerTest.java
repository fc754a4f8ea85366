package dev.pao.devctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** devctl's service-account signatures: the headers and the RFC 9421 signature base they cover. */
class RequestSignerTest {
  @Test
  void signsMethodPathAndContentDigest() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    RequestSigner signer =
        new RequestSigner(
            keys.getPrivate(),
            "sa-ci-1",
            Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC));
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create("http://localhost:9080/api/v1/requests?x=1");
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    signer.sign(builder, "POST", uri, body);
    HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

    String digest = request.headers().firstValue("Content-Digest").orElseThrow();
    assertEquals(RequestSigner.digest(body), digest);
    String input = request.headers().firstValue("Signature-Input").orElseThrow();
    assertEquals(
        "sig1=(\"@method\" \"@path\" \"content-digest\");created=1700000000;keyid=\"sa-ci-1\";"
            + "alg=\"ed25519\"",
        input);
    String base =
        "\"@method\": POST\n\"@path\": /api/v1/requests\n\"content-digest\": "
            + digest
            + "\n\"@signature-params\": "
            + input.substring("sig1=".length());
    String signature = request.headers().firstValue("Signature").orElseThrow();
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(keys.getPublic());
    verifier.update(base.getBytes(StandardCharsets.UTF_8));
    assertTrue(
        verifier.verify(
            Base64.getDecoder().decode(signature.substring(6, signature.length() - 1))));
  }
}
