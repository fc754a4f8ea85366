package dev.pao.catalog.sync;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.domain.CatalogStore;
import dev.pao.catalog.domain.ServedCatalog;
import dev.pao.catalog.domain.SyncReport;
import dev.pao.catalog.git.CatalogSourceException;
import dev.pao.catalog.git.GitCatalogSource;
import dev.pao.catalog.load.CatalogLoader;
import dev.pao.catalog.load.RepositoryFiles;
import dev.pao.shared.domain.UnavailableException;
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
 * validates the whole new snapshot and swaps it in at once; syncs run one at a time. The database
 * is the truth between instances: each serves the newest successful sync recorded for its source by
 * any instance ({@link #adoptNewest}, called on a notification and every few seconds).
 */
@ApplicationScoped
public class CatalogService {
  private static final Logger LOG = Logger.getLogger(CatalogService.class.getName());

  @Inject CatalogSettings settings;
  @Inject CatalogStore store;
  @Inject SchemaMigrator migrator;
  @Inject CatalogMetrics metrics;
  @Inject SyncAudit audit;

  @Resource ManagedScheduledExecutorService scheduler;

  private final CatalogLoader loader = new CatalogLoader();
  private final AtomicReference<CatalogSnapshot> current =
      new AtomicReference<>(CatalogSnapshot.empty());
  private volatile SyncReport lastReport;
  private volatile long servedSyncId;
  private volatile boolean loaded;
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
      store.lastServed(settings.sourceKey()).ifPresent(this::serve);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read the stored catalog: {0}", e.getMessage());
    }
    SyncReport report = sync("startup");
    loaded = true; // what there is to serve: the stored catalog, the repository's, or none
    if (SyncReport.FAILED.equals(report.status())) {
      LOG.log(
          Level.WARNING,
          "Catalog repository unreachable at start-up; serving {0} documents from the database",
          current.get().size());
    }
  }

  /** The catalog as served now (empty until this instance has loaded one). */
  public CatalogSnapshot current() {
    return current.get();
  }

  /** Whether this instance serves a catalog yet: false only during start-up. */
  public boolean loaded() {
    return loaded;
  }

  /**
   * The catalog as served now, for an operation that must not mistake start-up for an unknown item.
   *
   * @throws UnavailableException while this instance has not loaded a catalog yet
   */
  public CatalogSnapshot served() {
    if (!loaded) {
      throw new UnavailableException(
          "The catalog is still loading on this instance; try again shortly", "catalog", null);
    }
    return current.get();
  }

  /** The last sync recorded by any instance, or this instance's last while the database is out. */
  public Optional<SyncReport> lastReport() {
    try {
      Optional<SyncReport> recorded = store.lastReport(settings.sourceKey());
      if (recorded.isPresent()) {
        return recorded;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cannot read the last catalog sync", e);
    }
    return Optional.ofNullable(lastReport);
  }

  /**
   * Serves the newest successful sync another instance recorded for this source, if it is newer
   * than the one served here.
   *
   * @return whether the served catalog changed
   */
  public synchronized boolean adoptNewest() {
    if (!migrator.migrated()) {
      return false;
    }
    String source = settings.sourceKey();
    if (store.lastServedId(source).orElse(0) <= servedSyncId) {
      return false;
    }
    Optional<ServedCatalog> newest = store.lastServed(source);
    newest.ifPresent(this::serve);
    newest.ifPresent(
        served ->
            LOG.log(
                Level.INFO,
                "Catalog of commit {0} ({1} documents) adopted from sync {2}",
                new Object[] {
                  served.snapshot().commit(), served.snapshot().size(), served.syncId()
                }));
    return newest.isPresent();
  }

  private void serve(ServedCatalog served) {
    current.set(served.snapshot());
    servedSyncId = served.syncId();
    loaded = true;
  }

  public String branch() {
    return settings.branch();
  }

  /** A sync by the system (start-up), recorded in the audit log as such. */
  public SyncReport sync(String trigger) {
    return sync(trigger, SyncAudit.SYSTEM);
  }

  /**
   * Reads the repository, validates, swaps the served catalog and records the sync, and in the
   * audit log who caused it ({@code actor}: a webhook's pusher, a refreshing user).
   */
  public synchronized SyncReport sync(String trigger, AuditEvent.Actor actor) {
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
              null,
              result.warnings());
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
      long id = store.record(settings.sourceKey(), report, changed, current.get());
      if (SyncReport.OK.equals(report.status())) {
        servedSyncId = id;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot record the catalog sync in the database: {0}", e.getMessage());
    }
    if (audit != null) {
      audit.synced(report, actor);
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
    report
        .warnings()
        .forEach(warning -> LOG.log(Level.WARNING, "Catalog document served with: {0}", warning));
  }
}
