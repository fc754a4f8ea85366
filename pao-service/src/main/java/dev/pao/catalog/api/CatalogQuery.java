package dev.pao.catalog.api;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.governance.Entitlements;
import dev.pao.security.CurrentUser;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorDetail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog list query: filters ({@code category}, {@code tag}, {@code owner}, {@code kind}, and
 * {@code q} over name and description), a page ({@code limit}, opaque {@code cursor}; ordered by
 * id) and a sparse fieldset ({@code fields}). Bad parameters are a {@code VALIDATION_ERROR}.
 */
record CatalogQuery(
    String category,
    String tag,
    String owner,
    String kind,
    String q,
    Integer limit,
    String cursor,
    String fields) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** One page: the entries and the cursor of the next page (null on the last). */
  record Page(List<Map<String, Object>> entries, String nextCursor) {}

  Page run(CatalogSnapshot snapshot, CurrentUser user) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (kind != null && DocumentKind.of(kind).isEmpty()) {
      throw invalid("kind", "must be item or bundle");
    }
    List<String> picked = pickedFields();
    String after = cursor == null || cursor.isBlank() ? null : decode(cursor);
    List<CatalogDocument> matching =
        snapshot.documents().stream()
            .filter(this::matches)
            .filter(document -> after == null || document.id().compareTo(after) > 0)
            .sorted(Comparator.comparing(CatalogDocument::id))
            .limit(size + 1L)
            .toList();
    List<Map<String, Object>> entries = new ArrayList<>();
    for (CatalogDocument document : matching.subList(0, Math.min(size, matching.size()))) {
      Map<String, Object> summary =
          CatalogViews.summary(document, Entitlements.decide(document, snapshot, user));
      if (picked == null) {
        entries.add(summary);
      } else {
        Map<String, Object> sparse = new LinkedHashMap<>();
        picked.forEach(field -> sparse.put(field, summary.get(field)));
        entries.add(sparse);
      }
    }
    String next = matching.size() > size ? encode(matching.get(size - 1).id()) : null;
    return new Page(entries, next);
  }

  private boolean matches(CatalogDocument document) {
    if (category != null && !category.equals(document.category())) {
      return false;
    }
    if (tag != null && !document.tags().contains(tag)) {
      return false;
    }
    if (owner != null && !owner.equals(document.owner())) {
      return false;
    }
    if (kind != null && DocumentKind.of(kind).orElseThrow() != document.kind()) {
      return false;
    }
    if (q != null && !q.isBlank()) {
      String text =
          (document.name() + " " + (document.description() == null ? "" : document.description()))
              .toLowerCase(Locale.ROOT);
      for (String word : q.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
        if (!text.contains(word)) {
          return false;
        }
      }
    }
    return true;
  }

  private List<String> pickedFields() {
    if (fields == null || fields.isBlank()) {
      return null;
    }
    List<String> picked = new ArrayList<>();
    for (String field : fields.split(",")) {
      String name = field.trim();
      if (!CatalogViews.SUMMARY_FIELDS.contains(name)) {
        throw invalid(
            "fields", "unknown field '" + name + "'; known: " + CatalogViews.SUMMARY_FIELDS);
      }
      picked.add(name);
    }
    if (!picked.contains("id")) {
      picked.add(0, "id");
    }
    return picked;
  }

  private static String encode(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("id:")) {
        return text.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw invalid("cursor", "not a cursor returned by this list");
  }

  private static ApiException invalid(String field, String issue) {
    return ApiException.validation(
        "Invalid query parameter '" + field + "'", List.of(new ErrorDetail(field, issue)));
  }
}
