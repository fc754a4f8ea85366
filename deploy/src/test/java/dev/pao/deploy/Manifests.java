package dev.pao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The objects {@code kubectl kustomize} renders from one kustomization directory, as plain maps.
 * kubectl (1.32, with kustomize v5.5) must be on the path, or named by the system property {@code
 * pao.kubectl}; without it the tests fail and say so.
 */
final class Manifests {
  private final List<Map<String, Object>> objects;

  private Manifests(List<Map<String, Object>> objects) {
    this.objects = List.copyOf(objects);
  }

  /** The repository's root (system property {@code pao.project.dir}, set by the module's pom). */
  static Path projectDir() {
    return Path.of(System.getProperty("pao.project.dir", "..")).toAbsolutePath().normalize();
  }

  private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

  /**
   * Renders {@code deploy/kubernetes/<relative>} with {@code kubectl kustomize}, once per test JVM
   * (the result is immutable).
   */
  static Manifests render(String relative) {
    return RENDERED.computeIfAbsent(relative, Manifests::renderNow);
  }

  private static Manifests renderNow(String relative) {
    Path directory = projectDir().resolve("deploy/kubernetes").resolve(relative);
    String kubectl = System.getProperty("pao.kubectl", "kubectl");
    Process process;
    try {
      process =
          new ProcessBuilder(kubectl, "kustomize", directory.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      return fail(
          "kubectl (with kustomize) is needed to render "
              + directory
              + " and was not found ("
              + e.getMessage()
              + "); install kubectl 1.32 or name it with -Dpao.kubectl=/path/to/kubectl");
    }
    try {
      String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail("kubectl kustomize " + directory + " did not finish within 60 s");
      }
      assertEquals(0, process.exitValue(), "kubectl kustomize " + directory + " failed");
      return new Manifests(parse(yaml));
    } catch (IOException e) {
      return fail("reading kubectl's output failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted while rendering " + directory);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parse(String yaml) {
    Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : parser.loadAll(yaml)) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }

  List<Map<String, Object>> all() {
    return objects;
  }

  List<String> kinds() {
    return objects.stream().map(o -> (String) o.get("kind")).toList();
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  /** The single object of {@code kind}; fails when there is none or more than one. */
  Map<String, Object> one(String kind) {
    List<Map<String, Object>> found = ofKind(kind);
    assertEquals(1, found.size(), "exactly one " + kind + " in " + kinds());
    return found.get(0);
  }

  /** The value at a dotted path of maps ({@code spec.template.spec}); null when absent. */
  @SuppressWarnings("unchecked")
  static <T> T at(Object node, String path) {
    Object current = node;
    for (String key : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return (T) current;
  }
}
