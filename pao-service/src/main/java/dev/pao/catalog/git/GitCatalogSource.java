package dev.pao.catalog.git;

import dev.pao.catalog.load.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the catalog at the head of a branch of a git repository (remote URL or local path). A bare
 * cache repository is kept in {@code cacheDirectory}; each read fetches only that branch into it
 * and reads the files straight from the commit's tree, without a checkout.
 */
public final class GitCatalogSource {
  private static final int MAX_FILE_BYTES = 512 * 1024;
  private static final String[] CODEOWNERS = {
    "CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"
  };

  private final String repository;
  private final String branch;
  private final Path cacheDirectory;

  public GitCatalogSource(String repository, String branch, Path cacheDirectory) {
    this.repository = repository;
    this.branch = branch;
    this.cacheDirectory = cacheDirectory;
  }

  public String branch() {
    return branch;
  }

  /**
   * Fetches the branch and reads its catalog files.
   *
   * @throws CatalogSourceException when the repository or the branch cannot be read
   */
  public synchronized RepositoryFiles read() throws CatalogSourceException {
    String localRef = "refs/pao/catalog/" + branch;
    try (Git git = open()) {
      git.fetch()
          .setRemote(repository)
          .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":" + localRef))
          .setTimeout(30)
          .call();
      Repository repo = git.getRepository();
      ObjectId head = repo.resolve(localRef);
      if (head == null) {
        throw new CatalogSourceException(
            "branch '" + branch + "' not found in the repository", null);
      }
      return files(repo, head);
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw new CatalogSourceException(
          "cannot read branch '" + branch + "' of the catalog repository: " + rootMessage(e), e);
    }
  }

  private Git open() throws IOException, GitAPIException {
    if (Files.isDirectory(cacheDirectory.resolve("objects"))) {
      return Git.open(cacheDirectory.toFile());
    }
    Files.createDirectories(cacheDirectory);
    return Git.init().setBare(true).setDirectory(cacheDirectory.toFile()).call();
  }

  private static RepositoryFiles files(Repository repo, ObjectId head) throws IOException {
    Map<String, String> documents = new TreeMap<>();
    Map<String, String> owners = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      RevCommit commit = walk.parseCommit(head);
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        String path = tree.getPathString();
        boolean document = RepositoryFiles.isDocumentPath(path);
        boolean codeOwners = java.util.Arrays.asList(CODEOWNERS).contains(path);
        if (document || codeOwners) {
          String text = read(repo, tree.getObjectId(0));
          (document ? documents : owners).put(path, text);
        }
      }
      Optional<String> codeOwners = Optional.empty();
      for (String candidate : CODEOWNERS) {
        if (owners.containsKey(candidate)) {
          codeOwners = Optional.of(owners.get(candidate));
          break;
        }
      }
      return new RepositoryFiles(commit.getName(), documents, codeOwners);
    }
  }

  private static String read(Repository repo, ObjectId blob) throws IOException {
    try {
      byte[] bytes = repo.open(blob).getCachedBytes(MAX_FILE_BYTES);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (LargeObjectException e) {
      // Left to the parser's size limit, which rejects it with a clear reason.
      return "x".repeat(MAX_FILE_BYTES + 1);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
