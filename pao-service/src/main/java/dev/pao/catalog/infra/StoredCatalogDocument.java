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
 * One validated version of a catalog document as it was in a given git commit. The database keeps
 * the last 10 versions of each document, so the service can start when the repository cannot be
 * reached and a running request can find the version it was pinned to.
 */
@Entity
@Table(name = "catalog_documents")
public class StoredCatalogDocument {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "document_id", nullable = false)
  private String documentId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String version;

  @Column(name = "git_sha", nullable = false)
  private String gitSha;

  @Column(nullable = false)
  private String path;

  private String category;

  private String owner;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> definition;

  @Column(name = "synced_at", nullable = false)
  private Instant syncedAt;

  protected StoredCatalogDocument() {}

  public StoredCatalogDocument(
      Identity identity, String path, String gitSha, Map<String, Object> definition, Instant now) {
    this.documentId = identity.id();
    this.kind = identity.kind();
    this.version = identity.version();
    this.category = identity.category();
    this.owner = identity.owner();
    this.path = path;
    this.gitSha = gitSha;
    this.definition = new LinkedHashMap<>(definition);
    this.syncedAt = now;
  }

  public Identity identity() {
    return new Identity(kind, documentId, version, category, owner);
  }

  public String path() {
    return path;
  }

  public String gitSha() {
    return gitSha;
  }

  public Map<String, Object> definition() {
    return Map.copyOf(definition);
  }

  public Instant syncedAt() {
    return syncedAt;
  }

  /** What a catalog document is: kind, id, version, category and owning team. */
  public record Identity(String kind, String id, String version, String category, String owner) {}
}
