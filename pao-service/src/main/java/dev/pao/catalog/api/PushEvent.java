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

/**
 * The parts of a GitHub push event the catalog needs: the ref, the files its commits touch, and for
 * the audit log who pushed ({@code pusher.name}, else {@code sender.login}) and the pushed commit
 * ({@code after}).
 */
record PushEvent(String ref, Set<String> changedFiles, String pusher, String commit) {

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
      return Optional.of(
          new PushEvent(
              event.getString("ref", ""),
              files,
              pusher(event).orElse(null),
              text(event, "after").orElse(null)));
    } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** Who caused a delivery: {@code pusher.name}, else {@code sender.login}, of any event. */
  static Optional<String> pusher(JsonObject event) {
    return field(event, "pusher", "name").or(() -> field(event, "sender", "login"));
  }

  /** The pusher of a delivery's body, if it is a JSON object naming one. */
  static Optional<String> pusherOf(byte[] body) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      return pusher(reader.readObject());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> field(JsonObject event, String object, String name) {
    return event.get(object) instanceof JsonObject inner ? text(inner, name) : Optional.empty();
  }

  private static Optional<String> text(JsonObject object, String name) {
    return object.get(name) instanceof jakarta.json.JsonString value
        ? Optional.of(value.getString())
        : Optional.empty();
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
