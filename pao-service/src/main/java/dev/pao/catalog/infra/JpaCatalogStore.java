package dev.pao.catalog.infra;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.domain.CatalogStore;
import dev.pao.catalog.domain.ServedCatalog;
import dev.pao.catalog.domain.SyncReport;
import dev.pao.shared.persistence.JsonObjectConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link CatalogStore} on PostgreSQL. A document version is inserted only when its content changed
 * (and at most once per document and commit); the database trigger keeps the last 10 of each. A
 * successful sync is announced on {@value #CHANNEL} when its transaction commits.
 */
@ApplicationScoped
public class JpaCatalogStore implements CatalogStore {
  /** The PostgreSQL notification channel of successful syncs (payload: the record's id). */
  public static final String CHANNEL = "pao_catalog";

  /** Syncs recorded before sources were (source_key null) count as syncs of every source. */
  private static final String SERVED_BY =
      " WHERE status = 'ok' AND (source_key = ? OR source_key IS NULL)";

  private static final String INSERT_VERSION =
      "INSERT INTO catalog_documents"
          + " (document_id, kind, version, git_sha, path, category, owner, definition, synced_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, git_sha) DO NOTHING";

  private static final String SELECT_SYNC =
      "SELECT id, commit_sha, branch, trigger_source, status, started_at, duration_ms,"
          + " documents_loaded, served::text, rejected::text, error FROM catalog_syncs";

  private final JsonObjectConverter json = new JsonObjectConverter();

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  @Transactional
  public long record(
      String source,
      SyncReport report,
      Collection<CatalogDocument> changed,
      CatalogSnapshot served) {
    Timestamp now = Timestamp.from(report.startedAt());
    for (CatalogDocument document : changed) {
      em.createNativeQuery(INSERT_VERSION)
          .setParameter(1, document.id())
          .setParameter(2, document.kind().documentValue())
          .setParameter(3, document.version())
          .setParameter(4, document.commit())
          .setParameter(5, document.path())
          .setParameter(6, document.category())
          .setParameter(7, document.owner())
          .setParameter(8, json.convertToDatabaseColumn(document.definition()))
          .setParameter(9, now)
          .executeUpdate();
    }
    Map<String, Object> versions = new LinkedHashMap<>();
    served.all().forEach(document -> versions.put(document.id(), document.commit()));
    Map<String, Object> problems = new LinkedHashMap<>();
    problems.put("items", entries(report.rejected()));
    problems.put("warnings", entries(report.warnings()));
    CatalogSyncRecord record =
        new CatalogSyncRecord(
            source,
            report.commit(),
            report.branch(),
            report.trigger(),
            report.status(),
            report.startedAt(),
            report.durationMillis(),
            report.documentsLoaded(),
            versions,
            problems,
            report.error());
    em.persist(record);
    em.flush();
    if (SyncReport.OK.equals(report.status())) {
      em.createNativeQuery("SELECT 1 FROM pg_notify(?, ?)")
          .setParameter(1, CHANNEL)
          .setParameter(2, String.valueOf(record.id()))
          .getSingleResult();
    }
    return record.id();
  }

  @Override
  @Transactional
  public OptionalLong lastServedId(String source) {
    List<?> ids =
        em.createNativeQuery("SELECT max(id) FROM catalog_syncs" + SERVED_BY)
            .setParameter(1, source)
            .getResultList();
    return ids.isEmpty() || ids.get(0) == null
        ? OptionalLong.empty()
        : OptionalLong.of(((Number) ids.get(0)).longValue());
  }

  @Override
  @Transactional
  public Optional<ServedCatalog> lastServed(String source) {
    List<?> last =
        em.createNativeQuery(SELECT_SYNC + SERVED_BY + " ORDER BY id DESC LIMIT 1")
            .setParameter(1, source)
            .getResultList();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    SyncRow sync = SyncRow.of((Object[]) last.get(0));
    Map<String, Object> served = sync.served();
    List<CatalogDocument> documents = new ArrayList<>();
    for (Object raw :
        em.createNativeQuery(
                "SELECT document_id, kind, git_sha, path, definition::text FROM catalog_documents"
                    + " WHERE document_id = ANY (string_to_array(?, ','))")
            .setParameter(1, String.join(",", served.keySet()))
            .getResultList()) {
      Object[] row = (Object[]) raw;
      if (row[2].equals(served.get(String.valueOf(row[0])))) {
        documents.add(
            CatalogDocument.fromDefinition(
                DocumentKind.of(row[1]).orElseThrow(),
                String.valueOf(row[3]),
                String.valueOf(row[2]),
                SyncRow.json(row[4])));
      }
    }
    return Optional.of(
        new ServedCatalog(
            sync.id(), new CatalogSnapshot(sync.commit(), sync.startedAt(), documents)));
  }

  @Override
  @Transactional
  public Optional<SyncReport> lastReport(String source) {
    List<?> rows =
        em.createNativeQuery(
                SELECT_SYNC
                    + " WHERE source_key = ? OR source_key IS NULL ORDER BY id DESC LIMIT 1")
            .setParameter(1, source)
            .getResultList();
    return rows.stream().findFirst().map(row -> toReport(SyncRow.of((Object[]) row)));
  }

  private static List<Map<String, Object>> entries(List<Rejection> found) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Rejection rejection : found) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", rejection.file());
      entry.put("line", rejection.line());
      entry.put("column", rejection.column());
      entry.put("path", rejection.path());
      entry.put("reason", rejection.reason());
      entries.add(entry);
    }
    return entries;
  }

  private static List<Rejection> rejections(Object stored) {
    List<Rejection> found = new ArrayList<>();
    if (stored instanceof List<?> items) {
      for (Object item : items) {
        Map<?, ?> entry = (Map<?, ?>) item;
        found.add(
            new Rejection(
                String.valueOf(entry.get("file")),
                ((Number) entry.get("line")).intValue(),
                ((Number) entry.get("column")).intValue(),
                String.valueOf(entry.get("path")),
                String.valueOf(entry.get("reason"))));
      }
    }
    return found;
  }

  private static SyncReport toReport(SyncRow record) {
    List<Rejection> rejected = rejections(record.rejected().get("items"));
    return new SyncReport(
        record.commit(),
        record.branch(),
        record.trigger(),
        SyncReport.OK.equals(record.status()) ? "repository" : "database",
        record.status(),
        record.startedAt(),
        record.durationMs(),
        record.documentsLoaded(),
        rejected,
        record.error(),
        rejections(record.rejected().get("warnings")));
  }
}
