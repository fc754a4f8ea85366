package dev.pao.action.github;

import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.http.RejectedAnswerException;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.shared.jwt.JwtSigner;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * GitHub App authentication: a short-lived JWT signed with the app's private key (RS256, PKCS#8 PEM
 * held in a secret) is exchanged for an installation access token, which is cached until shortly
 * before it expires. Configured per instance with {@code pao.github.<name>.app-id}, {@code
 * .installation-id} and {@code .app-key-secret}.
 */
public final class GitHubAppTokens {
  /** One instance's app identity. */
  public record App(String appId, String installationId, String keySecret) {}

  private record Cached(String token, Instant renewAfter) {}

  private final Map<String, App> apps;
  private final SecretStore secrets;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public GitHubAppTokens(Map<String, App> apps, SecretStore secrets) {
    this.apps = Map.copyOf(apps);
    this.secrets = secrets;
  }

  /** Whether the instance authenticates as a GitHub App. */
  boolean configured(ServiceInstance instance) {
    return apps.containsKey(instance.name());
  }

  /** The cached installation token of an app instance (see {@link #renewIfNeeded}). */
  String current(ServiceInstance instance) {
    Cached cached = cache.get(instance.name());
    if (cached == null) {
      throw new IllegalStateException("No installation token for " + instance.name());
    }
    return cached.token();
  }

  /** Makes sure an app instance has an installation token that stays valid for a while. */
  void renewIfNeeded(
      ServiceInstance instance, GitHubApi api, OutboundPolicy policy, ActionCall call) {
    if (!configured(instance)) {
      return;
    }
    Cached cached = cache.get(instance.name());
    if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
      return;
    }
    App app = apps.get(instance.name());
    String jwt = jwt(app, secrets.reveal(app.keySecret()));
    Map<String, Object> answer;
    try {
      answer =
          policy.callConfigured(
              instance.baseUrl(),
              call,
              () -> api.installationToken(app.installationId(), "Bearer " + jwt));
    } catch (RejectedAnswerException e) {
      throw refused(instance, e.status());
    }
    if (answer.get("token") == null) {
      throw refused(instance, 200);
    }
    Instant expires =
        answer.get("expires_at") == null
            ? Instant.now().plusSeconds(3000)
            : Instant.parse(String.valueOf(answer.get("expires_at")));
    cache.put(
        instance.name(),
        new Cached(String.valueOf(answer.get("token")), expires.minusSeconds(300)));
  }

  private static ActionFailedException refused(ServiceInstance instance, int status) {
    return new ActionFailedException(
        "GitHub instance '"
            + instance.name()
            + "' refused the GitHub App credentials (HTTP "
            + status
            + "); check the app id, installation id and key");
  }

  static String jwt(App app, String pem) {
    JwtSigner signer;
    try {
      signer = JwtSigner.fromPkcs8Pem(pem);
    } catch (IllegalArgumentException e) {
      throw new ActionFailedException("The GitHub App key is not a PKCS#8 RSA private key");
    }
    long now = Instant.now().getEpochSecond();
    JwtClaims claims = new JwtClaims();
    claims.setIssuedAt(NumericDate.fromSeconds(now - 60));
    claims.setExpirationTime(NumericDate.fromSeconds(now + 540));
    claims.setIssuer(app.appId());
    return signer.sign(claims);
  }
}
