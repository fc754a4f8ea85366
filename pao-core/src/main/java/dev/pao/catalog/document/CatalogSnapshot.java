package dev.pao.catalog.document;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog as served at one moment: every valid requestable document by id (items before
 * bundles, each in path order), the policies apart from them (a policy is not requestable), the
 * commit it was read from and when. Immutable, so a sync builds a new snapshot and swaps it in
 * whole; readers never see half a sync.
 */
public final class CatalogSnapshot {
  private final String commit;
  private final Instant syncedAt;
  private final Map<String, CatalogDocument> documents;
  private final List<CatalogDocument> policyDocuments;
  private volatile List<dev.pao.catalog.rules.CatalogPolicy> policies;

  public CatalogSnapshot(String commit, Instant syncedAt, Collection<CatalogDocument> documents) {
    this.commit = commit;
    this.syncedAt = syncedAt;
    Map<String, CatalogDocument> byId = new LinkedHashMap<>();
    documents.stream()
        .filter(document -> document.kind() != DocumentKind.POLICY)
        .sorted(
            java.util.Comparator.comparing(CatalogDocument::kind)
                .thenComparing(CatalogDocument::path))
        .forEach(document -> byId.put(document.id(), document));
    this.documents = Collections.unmodifiableMap(byId);
    this.policyDocuments =
        documents.stream()
            .filter(document -> document.kind() == DocumentKind.POLICY)
            .sorted(java.util.Comparator.comparing(CatalogDocument::path))
            .toList();
  }

  /** A catalog with nothing in it, before the first sync. */
  public static CatalogSnapshot empty() {
    return new CatalogSnapshot(null, null, List.of());
  }

  public String commit() {
    return commit;
  }

  public Instant syncedAt() {
    return syncedAt;
  }

  /** The requestable documents: items and bundles. */
  public Collection<CatalogDocument> documents() {
    return documents.values();
  }

  /** The policy documents, in path order. */
  public List<CatalogDocument> policyDocuments() {
    return policyDocuments;
  }

  /** Every document, policies included. */
  public List<CatalogDocument> all() {
    List<CatalogDocument> all = new java.util.ArrayList<>(documents.values());
    all.addAll(policyDocuments);
    return all;
  }

  /** The policies, compiled once per snapshot (their conditions were checked at publish time). */
  public List<dev.pao.catalog.rules.CatalogPolicy> policies() {
    List<dev.pao.catalog.rules.CatalogPolicy> compiled = policies;
    if (compiled == null) {
      compiled = policyDocuments.stream().map(dev.pao.catalog.rules.CatalogPolicy::of).toList();
      policies = compiled;
    }
    return compiled;
  }

  public Optional<CatalogDocument> find(String id) {
    return Optional.ofNullable(documents.get(id));
  }

  /** The item with {@code id}, if there is one (not a bundle). */
  public Optional<CatalogDocument> item(String id) {
    return find(id).filter(document -> document.kind() == DocumentKind.ITEM);
  }

  public List<CatalogDocument> items() {
    return documents.values().stream()
        .filter(document -> document.kind() == DocumentKind.ITEM)
        .toList();
  }

  /** The number of documents served, policies included. */
  public int size() {
    return documents.size() + policyDocuments.size();
  }
}
