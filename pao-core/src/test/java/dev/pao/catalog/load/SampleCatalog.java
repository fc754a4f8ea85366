package dev.pao.catalog.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The project's {@code catalog-samples/} folder read as the files of one commit. */
public final class SampleCatalog {
  private SampleCatalog() {}

  public static Path folder() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("catalog-samples"))) {
        return dir.resolve("catalog-samples");
      }
    }
    throw new IllegalStateException("catalog-samples not found above " + here);
  }

  public static RepositoryFiles files(String commit) {
    Path root = folder();
    Map<String, String> documents = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (RepositoryFiles.isDocumentPath(relative)) {
          documents.put(relative, Files.readString(path));
        }
      }
      return new RepositoryFiles(
          commit, documents, Optional.of(Files.readString(root.resolve("CODEOWNERS"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
