package dev.pao.catalog.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Catalog configuration: the repository ({@code PAO_CATALOG_REPO}, a remote URL or a local path),
 * its branch ({@code PAO_CATALOG_BRANCH}), where the local cache of it lives, and the secret GitHub
 * signs webhook deliveries with ({@code PAO_GITHUB_WEBHOOK_SECRET}).
 */
@ApplicationScoped
public class CatalogSettings {
  @Inject
  @ConfigProperty(name = "pao.catalog.repo")
  Optional<String> repository;

  @Inject
  @ConfigProperty(name = "pao.catalog.branch", defaultValue = "main")
  String branch;

  @Inject
  @ConfigProperty(name = "pao.catalog.cache-dir")
  Optional<String> cacheDirectory;

  @Inject
  @ConfigProperty(name = "pao.github.webhook-secret")
  Optional<String> webhookSecret;

  /** How often an instance looks for a newer sync recorded by another (besides notifications). */
  @Inject
  @ConfigProperty(name = "pao.catalog.refresh-seconds", defaultValue = "10")
  int refreshSeconds;

  public Optional<String> repository() {
    return repository.filter(value -> !value.isBlank());
  }

  public String branch() {
    return branch;
  }

  /** The bare cache repository: configured, or one per repository and branch under the temp dir. */
  public Path cacheDirectory() {
    if (cacheDirectory.filter(value -> !value.isBlank()).isPresent()) {
      return Path.of(cacheDirectory.get());
    }
    String key = repository().orElse("") + "#" + branch + "#" + System.getProperty("user.dir");
    return Path.of(System.getProperty("java.io.tmpdir"), "pao-catalog-cache", hash(key));
  }

  /**
   * Which catalog this instance follows: a hash of the repository address and branch (the address
   * may carry credentials). Instances with the same one serve the same catalog.
   */
  public String sourceKey() {
    return hash(repository().orElse("") + "#" + branch);
  }

  public java.time.Duration refreshInterval() {
    return java.time.Duration.ofSeconds(Math.max(1, refreshSeconds));
  }

  private static String hash(String key) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<String> webhookSecret() {
    return webhookSecret.filter(value -> !value.isBlank());
  }
}
