package dev.pao.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class DataKeysTest {
  private static final String K0 = base64(1);
  private static final String K1 = base64(2);

  @Test
  void withoutAKeyOutsideDevelopmentModeTheApplicationRefusesToStart() {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> DataKeys.fromConfig(config(Map.of())));
    assertTrue(refused.getMessage().contains("PAO_DATA_KEY"), refused.getMessage());
  }

  @Test
  void developmentModeWithoutAKeyUsesTheDevelopmentKey() {
    DataCipher cipher = DataKeys.fromConfig(config(Map.of("pao.dev-mode", "true")));
    assertTrue(cipher.seal("x", "ad").startsWith("pao:sealed:v1:development:"));
  }

  @Test
  void theConfiguredKeySealsAndOlderKeysFromTheEnvironmentStillOpen() {
    String sealedWithK0 =
        new DataCipher("k0", Map.of("k0", Base64.getDecoder().decode(K0)))
            .seal("before rotation", "ad");
    DataCipher cipher =
        DataKeys.fromConfig(
            config(Map.of("pao.data.key", K1, "pao.data.key-id", "k1", "PAO_DATA_KEYS_K0", K0)));
    assertTrue(cipher.seal("x", "ad").startsWith("pao:sealed:v1:k1:"));
    assertEquals("before rotation", cipher.open(sealedWithK0, "ad"));
  }

  private static String base64(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Configuration with exactly these properties. */
  private static Config config(Map<String, String> properties) {
    return new Config() {
      @Override
      public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow();
      }

      @Override
      public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String value = properties.get(name);
        if (value == null) {
          return Optional.empty();
        }
        return Optional.of(type.cast(type == Boolean.class ? Boolean.valueOf(value) : value));
      }

      @Override
      public Iterable<String> getPropertyNames() {
        return properties.keySet();
      }

      @Override
      public Iterable<ConfigSource> getConfigSources() {
        return java.util.List.of();
      }

      @Override
      public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
