package dev.pao.devctl.config;

import dev.pao.devctl.Devctl;
import dev.pao.devctl.DevctlException;
import dev.pao.devctl.Environment;
import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.RequestSigner;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The server a command talks to: {@code --context NAME} (default: the current context of the config
 * file), with {@code PAO_URL} and {@code PAO_TOKEN} overriding its URL and token.
 */
public final class ConnectionOptions {
  public static final String DEFAULT_URL = "http://localhost:9080";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Context of the config file to use (default: its current context).")
  String context;

  @Option(
      names = "--service-account-key",
      paramLabel = "FILE",
      description =
          "Sign every call as a service account with this Ed25519 private key (PEM; also"
              + " PAO_SERVICE_ACCOUNT_KEY) instead of sending a token.")
  Path serviceAccountKey;

  @Option(
      names = "--key-id",
      paramLabel = "ID",
      description = "The service account's key_id (also PAO_SERVICE_ACCOUNT_KEY_ID).")
  String keyId;

  /** The named context from {@code --context}, or null. */
  public String requestedContext() {
    return context;
  }

  public DevctlConfig config() {
    return DevctlConfig.load(environment().configDirectory());
  }

  /** The URL and token to use, after environment overrides. */
  public ContextSettings settings() {
    Environment environment = environment();
    DevctlConfig config = config();
    String name = context != null ? context : config.currentContext().orElse(null);
    ContextSettings stored =
        name == null
            ? new ContextSettings(null, null)
            : config
                .context(name)
                .orElseThrow(
                    () ->
                        new DevctlException(
                            ExitCodes.USAGE,
                            "No context named '" + name + "' in " + config.file()));
    String url = environment.variable("PAO_URL").orElse(stored.url());
    String token = environment.variable("PAO_TOKEN").orElse(stored.token());
    return new ContextSettings(url == null ? DEFAULT_URL : url, token);
  }

  /** A client for the chosen server. */
  public ApiClient client() {
    Environment environment = environment();
    Path key =
        serviceAccountKey != null
            ? serviceAccountKey
            : environment.variable("PAO_SERVICE_ACCOUNT_KEY").map(Path::of).orElse(null);
    if (key == null) {
      return new ApiClient(settings());
    }
    String id =
        keyId != null ? keyId : environment.variable("PAO_SERVICE_ACCOUNT_KEY_ID").orElse(null);
    return new ApiClient(settings(), RequestSigner.fromPem(key, id));
  }

  private Environment environment() {
    return ((Devctl) mixee.root().userObject()).environment();
  }
}
