package dev.pao.health;

import dev.pao.catalog.sync.CatalogService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this instance serves a catalog (the one stored in the database, or its first sync):
 * before that every submission would be refused as naming an unknown item.
 */
@Readiness
@ApplicationScoped
public class CatalogCheck implements DetailedCheck {
  static final String NAME = "catalog";

  @Inject CatalogService catalog;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> problem() {
    return catalog.loaded() ? Optional.empty() : Optional.of("the catalog is still loading");
  }
}
