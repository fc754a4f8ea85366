package dev.pao.it;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** GitHub push deliveries as GitHub sends them: JSON body, event header, HMAC-SHA256 signature. */
public final class Webhooks {
  private Webhooks() {}

  public static String push(String ref, String changedFile) {
    return """
        {"ref": "%s", "after": "0000000000000000000000000000000000000001",
         "repository": {"full_name": "example-org/platform-automation-repository"},
         "commits": [{"id": "1", "added": [], "modified": ["%s"], "removed": []}],
         "head_commit": {"id": "1", "added": [], "modified": ["%s"], "removed": []}}
        """
        .formatted(ref, changedFile, changedFile);
  }

  public static String signature(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Api.Answer send(Api api, String body, String signature) {
    HttpRequest.Builder request =
        api.request("/api/v1/webhooks/github")
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "push")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return api.send(request);
  }
}
