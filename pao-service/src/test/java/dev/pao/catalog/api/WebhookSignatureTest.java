package dev.pao.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private final byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesGitHubsDocumentedExample() {
    // From GitHub's "Validating webhook deliveries" documentation.
    assertEquals(
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        WebhookSignature.sign(
            "It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsOnlyTheRightSecretAndBody() {
    String header = WebhookSignature.sign("s3cret", body);
    assertTrue(WebhookSignature.verify("s3cret", body, header));
    assertFalse(WebhookSignature.verify("other", body, header));
    assertFalse(WebhookSignature.verify("s3cret", "{}".getBytes(StandardCharsets.UTF_8), header));
    assertFalse(WebhookSignature.verify("s3cret", body, null));
    assertFalse(WebhookSignature.verify("s3cret", body, header.replace("sha256=", "sha1=")));
    assertFalse(WebhookSignature.verify(null, body, header));
  }
}
