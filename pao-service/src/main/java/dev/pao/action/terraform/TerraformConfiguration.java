package dev.pao.action.terraform;

import dev.pao.action.http.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The Terraform Cloud / Enterprise instances ({@code pao.terraform.instances}, {@code
 * pao.terraform.<name>.url|token-secret}). How often a followed run is looked at is the runner's
 * wait check interval ({@code pao.actions.wait-check-seconds}).
 */
@ApplicationScoped
public class TerraformConfiguration {
  @Inject Config config;

  Map<String, ServiceInstance> instances() {
    return ServiceInstance.load("terraform", 2, key -> config.getOptionalValue(key, String.class));
  }
}
