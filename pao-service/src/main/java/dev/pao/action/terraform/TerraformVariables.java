package dev.pao.action.terraform;

import dev.pao.action.spi.ActionCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets workspace variables (category terraform): updates the ones that exist, creates the rest; a
 * value rendered from a sensitive form field becomes a sensitive variable (write-only in
 * Terraform).
 */
final class TerraformVariables {
  private final TerraformCalls tfc;

  TerraformVariables(TerraformCalls tfc) {
    this.tfc = tfc;
  }

  void apply(String workspaceId, Object variables, ActionCall call) {
    if (!(variables instanceof Map<?, ?> wanted) || wanted.isEmpty()) {
      return;
    }
    Map<String, String> existing = new HashMap<>();
    Object data = tfc.call(api -> api.variables(workspaceId)).get("data");
    if (data instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> variable) {
          existing.put(
              String.valueOf(TerraformCalls.attributes(variable).get("key")),
              String.valueOf(variable.get("id")));
        }
      }
    }
    for (Map.Entry<?, ?> entry : wanted.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Map<String, Object> attributes =
          Map.of(
              "key",
              key,
              "value",
              String.valueOf(entry.getValue()),
              "category",
              "terraform",
              "hcl",
              false,
              "sensitive",
              call.isSensitive("variables." + key));
      String id = existing.get(key);
      if (id == null) {
        Map<String, Object> created =
            Map.of("data", Map.of("type", "vars", "attributes", attributes));
        tfc.call(api -> api.createVariable(workspaceId, created));
      } else {
        Map<String, Object> updated =
            Map.of("data", Map.of("type", "vars", "id", id, "attributes", attributes));
        tfc.call(api -> api.updateVariable(workspaceId, id, updated));
      }
    }
  }
}
