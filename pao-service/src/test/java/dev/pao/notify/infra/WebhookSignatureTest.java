package dev.pao.notify.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String EXPECTED =
      "v1=a4abab2c9ec335a751cf8c3848e413a84a4e0eef17a9660d993911fafacadb66";

  @Test
  void signsTimestampDotBodyWithHmacSha256() {
    // printf '%s' '1700000000.{"text":"hi"}' | openssl dgst -sha256 -hmac s3cret
    String signature = WebhookSignature.sign("s3cret", 1700000000L, "{\"text\":\"hi\"}");
    assertEquals(EXPECTED, signature);
    assertNotEquals(signature, WebhookSignature.sign("s3cret", 1700000001L, "{\"text\":\"hi\"}"));
    assertNotEquals(signature, WebhookSignature.sign("other", 1700000000L, "{\"text\":\"hi\"}"));
  }
}
