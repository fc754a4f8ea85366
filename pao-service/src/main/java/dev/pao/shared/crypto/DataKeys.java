package dev.pao.shared.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data keys from configuration: {@code pao.data.key} (base64 of 32 random bytes) with its id
 * {@code pao.data.key-id} seals new values; {@code pao.data.keys.<id>} (env {@code
 * PAO_DATA_KEYS_<ID>}) are older keys kept to open values sealed before a rotation. In development
 * mode without a key, a fixed development key is used and a warning logged; otherwise the
 * application refuses to start without one.
 *
 * <p>The cipher is installed for the whole application ({@link #cipher()}) because the action
 * runner renders templates in static code that has no injection.
 */
@ApplicationScoped
public class DataKeys {
  private static final Logger LOG = Logger.getLogger(DataKeys.class.getName());
  static final String DEVELOPMENT_KEY_ID = "development";
  // Public by nature: it only ever protects development data. Never used outside development mode.
  private static final byte[] DEVELOPMENT_KEY =
      Base64.getDecoder().decode("cGFvLWRldmVsb3BtZW50LWRhdGEta2V5LTMyYnl0ZXM=");

  private static volatile DataCipher installed;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    install(fromConfig(ConfigProvider.getConfig()));
  }

  /** The application's cipher. */
  public static DataCipher cipher() {
    DataCipher cipher = installed;
    if (cipher == null) {
      throw new IllegalStateException("No data key installed (pao.data.key)");
    }
    return cipher;
  }

  /** Installs the application's cipher (at start-up; tests install their own). */
  public static void install(DataCipher cipher) {
    installed = cipher;
  }

  static DataCipher fromConfig(Config config) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String name : config.getPropertyNames()) {
      older(name)
          .ifPresent(
              id ->
                  config
                      .getOptionalValue(name, String.class)
                      .ifPresent(value -> keys.put(id, decode(name, value))));
    }
    Optional<String> current = config.getOptionalValue("pao.data.key", String.class);
    boolean devMode = config.getOptionalValue("pao.dev-mode", Boolean.class).orElse(false);
    if (current.isEmpty()) {
      if (!devMode) {
        throw new IllegalStateException(
            "PAO_DATA_KEY is not set: sensitive form values cannot be encrypted at rest. Set"
                + " PAO_DATA_KEY to the base64 of 32 random bytes (openssl rand -base64 32) and"
                + " PAO_DATA_KEY_ID to its id.");
      }
      LOG.warning(
          "PAO_DATA_KEY is not set: sensitive form values are encrypted with the built-in"
              + " DEVELOPMENT key, which is public. Development mode only.");
      keys.put(DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY);
      return new DataCipher(DEVELOPMENT_KEY_ID, keys);
    }
    String id = config.getOptionalValue("pao.data.key-id", String.class).orElse("k1");
    keys.put(id, decode("pao.data.key", current.get()));
    if (devMode) {
      keys.putIfAbsent(DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY);
    }
    return new DataCipher(id, keys);
  }

  /** The key id of an older-key property ({@code pao.data.keys.k0}, {@code PAO_DATA_KEYS_K0}). */
  private static Optional<String> older(String name) {
    if (name.startsWith("pao.data.keys.")) {
      return Optional.of(name.substring("pao.data.keys.".length()));
    }
    if (name.startsWith("PAO_DATA_KEYS_")) {
      return Optional.of(
          name.substring("PAO_DATA_KEYS_".length()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return Optional.empty();
  }

  private static byte[] decode(String name, String value) {
    try {
      return Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not base64", e);
    }
  }
}
