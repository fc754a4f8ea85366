package dev.pao.action.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The secrets of the executors, read from MicroProfile Config ({@code pao.secret.NAME}). */
@ApplicationScoped
public class SecretConfiguration {
  @Inject Config config;

  @Produces
  @Singleton
  SecretStore secrets() {
    return new SecretStore(key -> config.getOptionalValue(key, String.class));
  }
}
