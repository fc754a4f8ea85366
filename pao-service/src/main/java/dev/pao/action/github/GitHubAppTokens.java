package dev.pao.action.github;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.http.OutboundHttp;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.TransientActionException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub App authentication: a short-lived JWT signed with the app's private key (RS256, PKCS#8 PEM
 * held in a secret) is exchanged for an installation access token, which is cached until shortly
 * before it expires. Configured per instance with {@code pao.github.<name>.app-id}, {@code
 * .installation-id} and {@code .app-key-secret}.
 */
public final class GitHubAppTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** One instance's app identity. */
  public record App(String appId, String installationId, String keySecret) {}

  private record Cached(String token, Instant renewAfter) {}

  private final Map<String, App> apps;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public GitHubAppTokens(Map<String, App> apps) {
    this.apps = Map.copyOf(apps);
  }

  /** Whether the instance authenticates as a GitHub App. */
  boolean configured(ServiceInstance instance) {
    return apps.containsKey(instance.name());
  }

  /** A valid installation token for the instance. */
  String token(ServiceInstance instance, SecretStore secrets, OutboundHttp http, ActionCall call) {
    Cached cached = cache.get(instance.name());
    if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
      return cached.token();
    }
    App app = apps.get(instance.name());
    String jwt = jwt(app, secrets.reveal(app.keySecret()));
    HttpAnswer answer =
        http.send(
            HttpRequest.newBuilder()
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + jwt)
                .POST(HttpRequest.BodyPublishers.noBody()),
            instance.resolve("/app/installations/" + app.installationId() + "/access_tokens"),
            call);
    if (answer.status() >= 500) {
      throw new TransientActionException(
          "GitHub instance '"
              + instance.name()
              + "' answered "
              + answer.status()
              + " to the app token request");
    }
    if (!answer.successful() || answer.object().get("token") == null) {
      throw new ActionFailedException(
          "GitHub instance '"
              + instance.name()
              + "' refused the GitHub App credentials (HTTP "
              + answer.status()
              + "); check the app id, installation id and key");
    }
    String token = String.valueOf(answer.object().get("token"));
    Instant expires =
        answer.object().get("expires_at") == null
            ? Instant.now().plusSeconds(3000)
            : Instant.parse(String.valueOf(answer.object().get("expires_at")));
    cache.put(instance.name(), new Cached(token, expires.minusSeconds(300)));
    return token;
  }

  static String jwt(App app, String pem) {
    long now = Instant.now().getEpochSecond();
    String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String claims =
        encode(
            "{\"iat\":"
                + (now - 60)
                + ",\"exp\":"
                + (now + 540)
                + ",\"iss\":\""
                + app.appId()
                + "\"}");
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey(pem));
      rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      return header + "." + claims + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new ActionFailedException("The GitHub App key is not a PKCS#8 RSA private key");
    }
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
