package dev.pao.catalog.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The parts of a GitHub push event the catalog needs: the ref and the files its commits touch. */
record PushEvent(String ref, Set<String> changedFiles) {

  /** The event in {@code body}, or empty when the body is not a JSON object. */
  static Optional<PushEvent> parse(byte[] body) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      JsonObject event = reader.readObject();
      Set<String> files = new LinkedHashSet<>();
      JsonArray commits =
          event.get("commits") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
      for (JsonValue commit : commits) {
        collect(commit, files);
      }
      collect(event.get("head_commit"), files);
      return Optional.of(new PushEvent(event.getString("ref", ""), files));
    } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static void collect(JsonValue commit, Set<String> files) {
    if (!(commit instanceof JsonObject object)) {
      return;
    }
    for (String list : new String[] {"added", "modified", "removed"}) {
      if (object.get(list) instanceof JsonArray paths) {
        paths.forEach(
            path -> files.add(path instanceof jakarta.json.JsonString s ? s.getString() : ""));
      }
    }
  }

  /** Whether a commit touched a catalog document or CODEOWNERS. */
  boolean touchesCatalog() {
    return changedFiles.stream()
        .anyMatch(
            path ->
                dev.pao.catalog.load.RepositoryFiles.isDocumentPath(path)
                    || path.equals("CODEOWNERS")
                    || path.endsWith("/CODEOWNERS"));
  }
}
