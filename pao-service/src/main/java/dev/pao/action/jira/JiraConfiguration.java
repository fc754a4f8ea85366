package dev.pao.action.jira;

import dev.pao.action.http.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The JIRA instances ({@code pao.jira.instances}, {@code pao.jira.<name>.url|api-version|user|
 * token-secret}; API version 2 unless set).
 */
@ApplicationScoped
public class JiraConfiguration {
  @Inject Config config;

  Map<String, ServiceInstance> instances() {
    return ServiceInstance.load("jira", 2, key -> config.getOptionalValue(key, String.class));
  }
}
