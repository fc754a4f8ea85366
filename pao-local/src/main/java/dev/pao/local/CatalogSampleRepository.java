package dev.pao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The embedded default catalog: the project's {@code catalog-samples/} published as a git
 * repository outside the project tree (a nested {@code .git} would confuse the project's own
 * repository). Each start copies the samples into the repository's work tree and commits them on
 * branch {@code main} when they changed.
 */
public final class CatalogSampleRepository {
  public static final String BRANCH = "main";

  private CatalogSampleRepository() {}

  /**
   * Brings {@code repository} up to date with {@code samples}.
   *
   * @return the repository's path, for {@code PAO_CATALOG_REPO}
   */
  public static Path publish(Path samples, Path repository) {
    try {
      Files.createDirectories(repository);
      try (Git git = open(repository)) {
        clearWorkTree(repository);
        copy(samples, repository);
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        if (!git.status().call().isClean()) {
          PersonIdent author = new PersonIdent("PAO local stack", "pao@localhost");
          git.commit()
              .setMessage("Catalog samples")
              .setAuthor(author)
              .setCommitter(author)
              .setSign(false)
              .call();
        }
      }
      return repository;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("Cannot publish the catalog samples: " + e.getMessage(), e);
    }
  }

  private static Git open(Path repository) throws IOException, GitAPIException {
    if (Files.isDirectory(repository.resolve(".git"))) {
      return Git.open(repository.toFile());
    }
    return Git.init().setDirectory(repository.toFile()).setInitialBranch(BRANCH).call();
  }

  private static void clearWorkTree(Path repository) throws IOException {
    try (Stream<Path> top = Files.list(repository)) {
      for (Path entry :
          top.filter(path -> !path.getFileName().toString().equals(".git")).toList()) {
        deleteRecursively(entry);
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : all) {
        Files.delete(path);
      }
    }
  }
}
