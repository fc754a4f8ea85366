package dev.pao.action.rest;

import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionFailedException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A REST action's {@code auth: {secret: NAME, scheme: bearer|basic|header, user, header}}: bearer
 * (default) sends the secret as a bearer token, basic sends {@code user:secret}, header sends the
 * secret in the named header. {@code auth} is literal catalog text (never rendered), so a form
 * value cannot choose the secret; the secret must be allowed for the target host ({@link
 * SecretStore#revealFor}).
 */
final class RestAuth {
  private RestAuth() {}

  static void apply(Object auth, SecretStore secrets, String host, HttpRequest.Builder request) {
    if (auth == null) {
      return;
    }
    if (!(auth instanceof Map<?, ?> settings) || settings.get("secret") == null) {
      throw new ActionFailedException("auth needs a 'secret' naming the credential to use");
    }
    String secret = secrets.revealFor(String.valueOf(settings.get("secret")), host);
    Object schemeSetting = settings.get("scheme");
    String scheme =
        schemeSetting == null ? "bearer" : String.valueOf(schemeSetting).toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "bearer" -> request.setHeader("Authorization", "Bearer " + secret);
      case "basic" -> {
        Object user = settings.get("user");
        if (user == null) {
          throw new ActionFailedException("auth scheme basic needs a 'user'");
        }
        String pair = user + ":" + secret;
        request.setHeader(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      case "header" -> {
        Object header = settings.get("header");
        if (header == null) {
          throw new ActionFailedException("auth scheme header needs a 'header' name");
        }
        request.setHeader(String.valueOf(header), secret);
      }
      default -> throw new ActionFailedException("Unknown auth scheme '" + scheme + "'");
    }
  }
}
