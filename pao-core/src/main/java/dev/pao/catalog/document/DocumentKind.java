package dev.pao.catalog.document;

import java.util.Optional;

/** The kinds of catalog document, by their {@code kind} value and their API name. */
public enum DocumentKind {
  ITEM("CatalogItem", "item"),
  BUNDLE("CatalogBundle", "bundle"),
  /** A policy: rules applied to requests of the items and bundles it names; not requestable. */
  POLICY("CatalogPolicy", "policy");

  private final String documentValue;
  private final String apiName;

  DocumentKind(String documentValue, String apiName) {
    this.documentValue = documentValue;
    this.apiName = apiName;
  }

  /** As written in a document's {@code kind}. */
  public String documentValue() {
    return documentValue;
  }

  /** As shown by the API ({@code item}, {@code bundle}). */
  public String apiName() {
    return apiName;
  }

  public static Optional<DocumentKind> of(Object kind) {
    for (DocumentKind candidate : values()) {
      if (candidate.documentValue.equals(kind) || candidate.apiName.equals(kind)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
