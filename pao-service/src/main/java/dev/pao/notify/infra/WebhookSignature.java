package dev.pao.notify.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: HMAC-SHA256 with the shared secret over {@code timestamp +
 * "." + body}, sent as {@code X-PAO-Signature: v1=<hex>} with {@code X-PAO-Timestamp: <epoch
 * seconds>}. A receiver recomputes it, compares in constant time, and refuses old timestamps.
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-PAO-Signature";
  public static final String TIMESTAMP_HEADER = "X-PAO-Timestamp";
  public static final String DELIVERY_HEADER = "X-PAO-Delivery";

  private WebhookSignature() {}

  /** The header value {@code v1=<hex>} for a body sent at {@code timestamp} (epoch seconds). */
  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
