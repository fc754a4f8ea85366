package dev.pao.catalog.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.load.RepositoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a real git repository in a temp folder. */
class GitCatalogSourceTest {
  @TempDir Path temp;

  private String commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent author = new PersonIdent("t", "t@example.com");
    return git.commit()
        .setMessage(message)
        .setAuthor(author)
        .setCommitter(author)
        .setSign(false)
        .call()
        .getName();
  }

  @Test
  void readsOnlyCatalogDocumentsAndCodeOwnersAtTheBranchHead() throws Exception {
    Path repo = temp.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(repo.resolve("catalog/compute"));
      Files.createDirectories(repo.resolve(".github"));
      Files.writeString(repo.resolve("catalog/compute/a.yaml"), "a: 1\n");
      Files.writeString(repo.resolve("catalog/compute/notes.md"), "no\n");
      Files.writeString(repo.resolve("README.md"), "no\n");
      Files.writeString(repo.resolve(".github/CODEOWNERS"), "* @org/team\n");
      String first = commit(git, "one");
      GitCatalogSource source =
          new GitCatalogSource(repo.toString(), "main", temp.resolve("cache"));
      RepositoryFiles files = source.read();
      assertEquals(first, files.commit());
      assertEquals(java.util.Set.of("catalog/compute/a.yaml"), files.documents().keySet());
      assertTrue(files.codeOwners().orElseThrow().contains("@org/team"));

      Files.writeString(repo.resolve("catalog/compute/a.yaml"), "a: 2\n");
      String second = commit(git, "two");
      RepositoryFiles next = source.read();
      assertEquals(second, next.commit());
      assertEquals("a: 2\n", next.documents().get("catalog/compute/a.yaml"));
    }
  }

  @Test
  void anUnreachableRepositoryOrMissingBranchIsASourceError() throws Exception {
    GitCatalogSource missing =
        new GitCatalogSource(temp.resolve("nothing").toString(), "main", temp.resolve("c1"));
    assertThrows(CatalogSourceException.class, missing::read);
    Path repo = temp.resolve("repo2");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("x.txt"), "x");
      commit(git, "x");
    }
    GitCatalogSource otherBranch =
        new GitCatalogSource(repo.toString(), "release", temp.resolve("c2"));
    assertThrows(CatalogSourceException.class, otherBranch::read);
  }
}
