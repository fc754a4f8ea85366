package dev.pao.it;

import dev.pao.local.CatalogSampleRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temp folder, starting with the sample catalog on branch main. */
public final class CatalogRepo {
  private final Path directory;

  private CatalogRepo(Path directory) {
    this.directory = directory;
  }

  static CatalogRepo withSamples(Path directory) {
    Path samples =
        Path.of(System.getProperty("pao.project.dir")).toAbsolutePath().resolve("catalog-samples");
    TestStack.deleteRecursively(directory);
    CatalogSampleRepository.publish(samples, directory);
    return new CatalogRepo(directory);
  }

  /** The repository already in {@code directory} (as {@link #withSamples} left it). */
  public static CatalogRepo existing(Path directory) {
    return new CatalogRepo(directory);
  }

  public Path directory() {
    return directory;
  }

  String read(String path) {
    try {
      return Files.readString(directory.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to {@code path} and commits it on main; answers the commit SHA. */
  public synchronized String commit(String path, String text) {
    try (Git git = Git.open(directory.toFile())) {
      Path file = directory.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      git.add().addFilepattern(path).call();
      PersonIdent author = new PersonIdent("Catalog author", "author@example.com");
      RevCommit commit =
          git.commit()
              .setMessage("Change " + path)
              .setAuthor(author)
              .setCommitter(author)
              .setSign(false)
              .call();
      return commit.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  void delete() {
    TestStack.deleteRecursively(directory);
  }
}
