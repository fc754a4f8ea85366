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
    String name;
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.getBytes(StandardCharsets.UTF_8));
      name = HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "pao-catalog-cache", name);
  }

  public Optional<String> webhookSecret() {
    return webhookSecret.filter(value -> !value.isBlank());
  }
}
