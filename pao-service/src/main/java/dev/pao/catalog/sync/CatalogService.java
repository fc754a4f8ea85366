package dev.pao.catalog.sync;

import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.domain.CatalogStore;
import dev.pao.catalog.domain.SyncReport;
import dev.pao.catalog.git.CatalogSourceException;
import dev.pao.catalog.git.GitCatalogSource;
import dev.pao.catalog.load.CatalogLoader;
import dev.pao.catalog.load.RepositoryFiles;
import dev.pao.shared.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The served catalog. At start-up it takes the last catalog recorded in the database, then syncs
 * from the repository; if the repository cannot be read, the database copy stays served. Each sync
 * validates the whole new snapshot and swaps it in at once; syncs run one at a time.
 */
@ApplicationScoped
public class CatalogService {
  private static final Logger LOG = Logger.getLogger(CatalogService.class.getName());

  @Inject CatalogSettings settings;
  @Inject CatalogStore store;
  @Inject SchemaMigrator migrator;
  @Inject CatalogMetrics metrics;

  @Resource ManagedScheduledExecutorService scheduler;

  private final CatalogLoader loader = new CatalogLoader();
  private final AtomicReference<CatalogSnapshot> current =
      new AtomicReference<>(CatalogSnapshot.empty());
  private volatile SyncReport lastReport;
  private GitCatalogSource source;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    scheduler.schedule(this::initialLoad, 0, TimeUnit.SECONDS);
  }

  private void initialLoad() {
    if (!migrator.migrated()) {
      scheduler.schedule(this::initialLoad, 1, TimeUnit.SECONDS);
      return;
    }
    try {
      store.lastServed().ifPresent(current::set);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read the stored catalog: {0}", e.getMessage());
    }
    SyncReport report = sync("startup");
    if (SyncReport.FAILED.equals(report.status())) {
      LOG.log(
          Level.WARNING,
          "Catalog repository unreachable at start-up; serving {0} documents from the database",
          current.get().size());
    }
  }

  /** The catalog as served now. */
  public CatalogSnapshot current() {
    return current.get();
  }

  /** The last sync of this instance, or the last one recorded by any instance. */
  public Optional<SyncReport> lastReport() {
    if (lastReport != null) {
      return Optional.of(lastReport);
    }
    try {
      return store.lastReport();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public String branch() {
    return settings.branch();
  }

  /** Reads the repository, validates, swaps the served catalog and records the sync. */
  public synchronized SyncReport sync(String trigger) {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    CatalogSnapshot previous = current.get();
    SyncReport report;
    List<dev.pao.catalog.document.CatalogDocument> changed = List.of();
    try {
      RepositoryFiles files = source().read();
      CatalogLoader.Result result = loader.load(files, previous, started);
      current.set(result.snapshot());
      changed = result.changed();
      report =
          new SyncReport(
              files.commit(),
              settings.branch(),
              trigger,
              "repository",
              SyncReport.OK,
              started,
              millisSince(startNanos),
              result.snapshot().size(),
              result.rejected(),
              null);
    } catch (CatalogSourceException e) {
      report =
          new SyncReport(
              previous.commit(),
              settings.branch(),
              trigger,
              "database",
              SyncReport.FAILED,
              started,
              millisSince(startNanos),
              previous.size(),
              List.of(),
              e.getMessage());
    }
    lastReport = report;
    metrics.synced(report);
    log(report);
    try {
      store.record(report, changed, current.get());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot record the catalog sync in the database: {0}", e.getMessage());
    }
    return report;
  }

  private GitCatalogSource source() throws CatalogSourceException {
    if (settings.repository().isEmpty()) {
      throw new CatalogSourceException(
          "no catalog repository is configured (PAO_CATALOG_REPO)", null);
    }
    if (source == null) {
      source =
          new GitCatalogSource(
              settings.repository().get(), settings.branch(), settings.cacheDirectory());
    }
    return source;
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  private static void log(SyncReport report) {
    if (SyncReport.FAILED.equals(report.status())) {
      LOG.log(
          Level.WARNING,
          "Catalog sync ({0}) failed: {1}",
          new Object[] {report.trigger(), report.error()});
      return;
    }
    LOG.log(
        Level.INFO,
        "Catalog sync ({0}) of commit {1}: {2} documents served, {3} rejected, {4} ms",
        new Object[] {
          report.trigger(),
          report.commit(),
          report.documentsLoaded(),
          report.rejected().size(),
          report.durationMillis()
        });
    report
        .rejected()
        .forEach(rejection -> LOG.log(Level.WARNING, "Catalog document rejected: {0}", rejection));
  }
}
