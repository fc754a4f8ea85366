package dev.pao.action.terraform;

import dev.pao.action.http.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The Terraform Cloud / Enterprise instances ({@code pao.terraform.instances}, {@code
 * pao.terraform.<name>.url|token-secret}) and how often a followed run is polled ({@code
 * pao.actions.poll-millis}).
 */
@ApplicationScoped
public class TerraformConfiguration {
  @Inject Config config;

  Map<String, ServiceInstance> instances() {
    return ServiceInstance.load("terraform", 2, key -> config.getOptionalValue(key, String.class));
  }

  Duration pollInterval() {
    return Duration.ofMillis(
        config.getOptionalValue("pao.actions.poll-millis", Long.class).orElse(2000L));
  }
}
