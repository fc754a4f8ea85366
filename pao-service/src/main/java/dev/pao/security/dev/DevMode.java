package dev.pao.security.dev;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local development mode ({@code PAO_DEV_MODE=true}): enables minting tokens from a development
 * key. Off unless explicitly set; announced loudly at start so it is never on unnoticed.
 */
@ApplicationScoped
public class DevMode {
  private static final Logger LOG = Logger.getLogger(DevMode.class.getName());

  @Inject
  @ConfigProperty(name = "pao.dev-mode", defaultValue = "false")
  boolean enabled;

  public boolean enabled() {
    return enabled;
  }

  void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (enabled) {
      LOG.warning(
          "DEVELOPMENT MODE IS ON (PAO_DEV_MODE=true): POST /api/v1/dev/token mints tokens for any"
              + " identity and role. Never enable this in production.");
    }
  }
}
