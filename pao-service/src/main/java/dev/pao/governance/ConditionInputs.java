package dev.pao.governance;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.rules.Condition;
import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The variables a catalog condition sees for one submission. */
public final class ConditionInputs {
  private ConditionInputs() {}

  public static Condition.ConditionInput of(
      CatalogDocument document, Map<String, Object> formData, CurrentUser user) {
    Map<String, Object> requester = new LinkedHashMap<>();
    requester.put("email", user.email());
    requester.put("teams", user.teams());
    requester.put("roles", roles(user));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", document.id());
    item.put("kind", document.kind().apiName());
    if (document.category() != null) {
      item.put("category", document.category());
    }
    if (document.owner() != null) {
      item.put("owner", document.owner());
    }
    return new Condition.ConditionInput(formData, requester, item);
  }

  /** The caller's roles by their claim names. */
  public static List<String> roles(CurrentUser user) {
    return user.roles().stream().map(Role::claimValue).sorted().toList();
  }
}
