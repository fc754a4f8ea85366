package dev.pao.action.terraform;

import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.http.ServiceInstance;
import dev.pao.action.spi.ActionCall;
import java.util.Map;
import java.util.function.Function;

/** The calls of one action to one Terraform instance, each through the outbound policy. */
final class TerraformCalls {
  private final ServiceInstance instance;
  private final TerraformApi api;
  private final OutboundPolicy policy;
  private final ActionCall call;

  TerraformCalls(
      ServiceInstance instance, TerraformApi api, OutboundPolicy policy, ActionCall call) {
    this.instance = instance;
    this.api = api;
    this.policy = policy;
    this.call = call;
  }

  String webUrl(String path) {
    return instance.baseUrl() + path;
  }

  /** One call; error answers arrive classified (failed or transient). */
  Map<String, Object> call(Function<TerraformApi, Map<String, Object>> exchange) {
    return policy.callConfigured(instance.baseUrl(), call, () -> exchange.apply(api));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(Map<String, Object> document) {
    return document.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> attributes(Map<?, ?> resource) {
    return resource.get("attributes") instanceof Map<?, ?> attributes
        ? (Map<String, Object>) attributes
        : Map.of();
  }
}
