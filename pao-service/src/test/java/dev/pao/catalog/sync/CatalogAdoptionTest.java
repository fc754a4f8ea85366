package dev.pao.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.domain.CatalogStore;
import dev.pao.catalog.domain.ServedCatalog;
import dev.pao.catalog.domain.SyncReport;
import dev.pao.shared.domain.UnavailableException;
import dev.pao.shared.persistence.SchemaMigrator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How an instance follows the syncs other instances record for the same source. */
class CatalogAdoptionTest {
  private final SyncsInMemory store = new SyncsInMemory();
  private final CatalogService catalog = catalogOn(store, "https://git.example.com/catalog.git");

  @Test
  void aNewerSyncOfTheSameSourceIsServed() {
    store.recordServed(catalog.settings.sourceKey(), "c2");
    assertTrue(catalog.adoptNewest());
    assertEquals("c2", catalog.current().commit());
    assertFalse(catalog.adoptNewest(), "nothing newer the second time");
  }

  @Test
  void untilACatalogIsLoadedLookupsAreRefusedAsUnavailableNotAsUnknown() {
    assertThrows(UnavailableException.class, catalog::served);
    store.recordServed(catalog.settings.sourceKey(), "c1");
    catalog.adoptNewest();
    assertEquals("c1", catalog.served().commit());
  }

  @Test
  void syncsOfAnotherRepositoryAreNotServed() {
    CatalogService other = catalogOn(store, "https://git.example.com/other.git");
    store.recordServed(other.settings.sourceKey(), "elsewhere");
    assertFalse(catalog.adoptNewest());
    assertEquals(CatalogSnapshot.empty().commit(), catalog.current().commit());
  }

  @Test
  void anOlderSyncThanTheOneServedIsNotAdopted() {
    store.recordServed(catalog.settings.sourceKey(), "c1");
    catalog.adoptNewest();
    store.recordFailed(catalog.settings.sourceKey());
    assertFalse(catalog.adoptNewest(), "a failed sync serves nothing new");
    assertEquals("c1", catalog.current().commit());
  }

  private static CatalogService catalogOn(CatalogStore store, String repository) {
    CatalogService catalog = new CatalogService();
    catalog.settings = new CatalogSettings();
    catalog.settings.repository = Optional.of(repository);
    catalog.settings.branch = "main";
    catalog.store = store;
    catalog.migrator =
        new SchemaMigrator() {
          @Override
          public boolean migrated() {
            return true;
          }
        };
    return catalog;
  }

  /** The sync records of several instances, as the database keeps them. */
  private static final class SyncsInMemory implements CatalogStore {
    private record Sync(long id, String source, boolean ok, CatalogSnapshot snapshot) {}

    private final List<Sync> syncs = new ArrayList<>();

    void recordServed(String source, String commit) {
      syncs.add(
          new Sync(
              syncs.size() + 1,
              source,
              true,
              new CatalogSnapshot(commit, Instant.now(), List.of())));
    }

    void recordFailed(String source) {
      syncs.add(new Sync(syncs.size() + 1, source, false, null));
    }

    @Override
    public long record(
        String source,
        SyncReport report,
        Collection<CatalogDocument> changed,
        CatalogSnapshot served) {
      syncs.add(new Sync(syncs.size() + 1, source, SyncReport.OK.equals(report.status()), served));
      return syncs.size();
    }

    @Override
    public Optional<ServedCatalog> lastServed(String source) {
      return syncs.stream()
          .filter(sync -> sync.ok() && sync.source().equals(source))
          .reduce((first, second) -> second)
          .map(sync -> new ServedCatalog(sync.id(), sync.snapshot()));
    }

    @Override
    public OptionalLong lastServedId(String source) {
      return lastServed(source).stream().mapToLong(ServedCatalog::syncId).max();
    }

    @Override
    public Optional<SyncReport> lastReport(String source) {
      return Optional.empty();
    }
  }
}
