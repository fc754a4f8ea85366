package dev.pao.catalog.document;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One validated catalog document as the service serves it: its identity, the owning team (from the
 * document or CODEOWNERS), where it came from (file and commit) and its full definition, which
 * keeps the document's own keys. Immutable; the definition is a deep read-only copy.
 *
 * @param contentHash SHA-256 of the definition in canonical form, to tell a changed document from
 *     an unchanged one whatever its key order or number representation
 */
public record CatalogDocument(
    DocumentKind kind,
    String id,
    String name,
    String version,
    String description,
    String category,
    String owner,
    List<String> tags,
    Map<String, Object> custom,
    String path,
    String commit,
    Map<String, Object> definition,
    String contentHash) {

  public CatalogDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    tags = tags == null ? List.of() : List.copyOf(tags);
    custom = custom == null ? Map.of() : ReadOnly.map(custom);
    definition = ReadOnly.map(definition);
  }

  /** The document a schema-valid definition describes, read from {@code path} at {@code commit}. */
  public static CatalogDocument fromDefinition(
      DocumentKind kind, String path, String commit, Map<String, Object> definition) {
    Map<String, Object> metadata = ReadOnly.mapAt(definition, "metadata");
    List<String> tags = new java.util.ArrayList<>();
    ReadOnly.listAt(metadata, "tags").forEach(tag -> tags.add(String.valueOf(tag)));
    return new CatalogDocument(
        kind,
        String.valueOf(metadata.get("id")),
        text(metadata.get("name")),
        text(metadata.get("version")),
        text(metadata.get("description")),
        text(metadata.get("category")),
        text(metadata.get("owner")),
        tags,
        ReadOnly.mapAt(metadata, "custom"),
        path,
        commit,
        definition,
        ContentHash.of(definition));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The same document read from another commit (its content unchanged). */
  public CatalogDocument atCommit(String otherCommit) {
    return new CatalogDocument(
        kind,
        id,
        name,
        version,
        description,
        category,
        owner,
        tags,
        custom,
        path,
        otherCommit,
        definition,
        contentHash);
  }

  /** The same document, owned by {@code team} (written into the definition's metadata). */
  public CatalogDocument ownedBy(String team) {
    Map<String, Object> changed = ReadOnly.withMetadata(definition, "owner", team);
    return new CatalogDocument(
        kind,
        id,
        name,
        version,
        description,
        category,
        team,
        tags,
        custom,
        path,
        commit,
        changed,
        ContentHash.of(changed));
  }

  /** The {@code spec} of the definition. */
  public Map<String, Object> spec() {
    return ReadOnly.mapAt(definition, "spec");
  }
}
