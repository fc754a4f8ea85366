package dev.pao.governance;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.rules.Access;
import dev.pao.security.CurrentUser;
import dev.pao.shared.domain.ForbiddenException;
import java.util.Map;
import java.util.Optional;

/**
 * Who may request what ({@code spec.access}). A bundle needs the caller to be allowed the bundle
 * and every item it is made of: a bundle is no way around an item's restriction.
 */
public final class Entitlements {
  private Entitlements() {}

  /** The caller's entitlement to {@code document}. */
  public static Access.Decision decide(
      CatalogDocument document, CatalogSnapshot snapshot, CurrentUser user) {
    Access.Decision own = Access.decide(document, user.teams(), ConditionInputs.roles(user));
    if (!own.allowed() || document.kind() != DocumentKind.BUNDLE) {
      return own;
    }
    for (Object raw : ReadOnly.listAt(document.spec(), "components")) {
      Map<?, ?> component = (Map<?, ?>) raw;
      Optional<CatalogDocument> item = snapshot.item(String.valueOf(component.get("item")));
      if (item.isPresent()) {
        Access.Decision part = Access.decide(item.get(), user.teams(), ConditionInputs.roles(user));
        if (!part.allowed()) {
          return new Access.Decision(
              false, part.reason() + ", part of bundle '" + document.id() + "'", part.rule());
        }
      }
    }
    return own;
  }

  /**
   * Refuses a caller who may not request {@code document}.
   *
   * @throws ForbiddenException naming the rule
   */
  public static void require(CatalogDocument document, CatalogSnapshot snapshot, CurrentUser user) {
    Access.Decision decision = decide(document, snapshot, user);
    if (!decision.allowed()) {
      throw new ForbiddenException(
          "You may not request this: " + decision.reason(), decision.rule());
    }
  }
}
