package dev.pao.devctl.catalog;

import dev.pao.catalog.load.RepositoryFiles;
import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A checkout of a catalog repository on disk, read the way the service reads a commit: every {@code
 * *.yaml}/{@code *.yml} under {@code catalog/}, {@code bundles/} and {@code policies/}, and the
 * first of {@code CODEOWNERS}, {@code .github/CODEOWNERS}, {@code docs/CODEOWNERS}. Anything else
 * (CI workflows, READMEs) is not part of the catalog.
 */
record CatalogCheckout(Path root) {
  private static final String[] CODEOWNERS = {
    "CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"
  };
  private static final java.util.List<String> DOCUMENT_FOLDERS = RepositoryFiles.DOCUMENT_FOLDERS;

  /** As much of a file as the service reads: larger files are rejected by the size limit. */
  private static final int MAX_FILE_BYTES = 512 * 1024;

  /**
   * The checkout {@code path} belongs to: the nearest folder at or above it that has a {@code
   * catalog/} or {@code bundles/} folder and holds {@code path} in one of them (or is {@code
   * path}).
   */
  static Optional<CatalogCheckout> containing(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    for (Path candidate = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        candidate != null;
        candidate = candidate.getParent()) {
      if (isCheckout(candidate)
          && (candidate.equals(absolute) || inDocumentFolder(candidate, absolute))) {
        return Optional.of(new CatalogCheckout(candidate));
      }
    }
    return Optional.empty();
  }

  private static boolean isCheckout(Path directory) {
    for (String folder : DOCUMENT_FOLDERS) {
      if (Files.isDirectory(directory.resolve(folder))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inDocumentFolder(Path root, Path path) {
    for (String folder : DOCUMENT_FOLDERS) {
      if (path.startsWith(root.resolve(folder))) {
        return true;
      }
    }
    return false;
  }

  /** The repository path of {@code path} ({@code catalog/databases/pg.yaml}). */
  String relative(Path path) {
    return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** The catalog files of this checkout. */
  RepositoryFiles read() {
    Map<String, String> documents = new TreeMap<>();
    for (String folder : DOCUMENT_FOLDERS) {
      Path directory = root.resolve(folder);
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(directory)) {
        files
            .filter(Files::isRegularFile)
            .filter(CatalogCheckout::isDocument)
            .forEach(file -> documents.put(relative(file), text(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Optional<String> owners = Optional.empty();
    for (String candidate : CODEOWNERS) {
      Path file = root.resolve(candidate);
      if (Files.isRegularFile(file)) {
        owners = Optional.of(text(file));
        break;
      }
    }
    return new RepositoryFiles("working-tree", documents, owners);
  }

  static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** The text of a file, at most as much as the service reads. */
  static String text(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_FILE_BYTES + 1), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DevctlException(ExitCodes.REJECTED, "Cannot read " + file + ": " + e.getMessage());
    }
  }
}
