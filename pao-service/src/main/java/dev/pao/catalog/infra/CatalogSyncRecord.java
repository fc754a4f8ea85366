package dev.pao.catalog.infra;

import dev.pao.shared.persistence.JsonObjectConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded catalog sync (table {@code catalog_syncs}); written once, never changed, read back
 * as a {@link SyncRow}.
 */
@Entity
@Table(name = "catalog_syncs")
public class CatalogSyncRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** A hash of the repository address and branch the sync read ({@code CatalogSettings}). */
  @Column(name = "source_key")
  private String sourceKey;

  @Column(name = "commit_sha")
  private String commitSha;

  @Column(nullable = false)
  private String branch;

  @Column(name = "trigger_source", nullable = false)
  private String triggerSource;

  @Column(nullable = false)
  private String status;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  @Column(name = "documents_loaded", nullable = false)
  private int documentsLoaded;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> served;

  /** The rejections, as {@code {"items": [{file, line, column, path, reason}]}}. */
  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> rejected;

  private String error;

  protected CatalogSyncRecord() {}

  CatalogSyncRecord(
      String sourceKey,
      String commitSha,
      String branch,
      String triggerSource,
      String status,
      Instant startedAt,
      long durationMs,
      int documentsLoaded,
      Map<String, Object> served,
      Map<String, Object> rejected,
      String error) {
    this.sourceKey = sourceKey;
    this.commitSha = commitSha;
    this.branch = branch;
    this.triggerSource = triggerSource;
    this.status = status;
    this.startedAt = startedAt;
    this.durationMs = durationMs;
    this.documentsLoaded = documentsLoaded;
    this.served = new LinkedHashMap<>(served);
    this.rejected = new LinkedHashMap<>(rejected);
    this.error = error;
  }

  long id() {
    return id;
  }
}
