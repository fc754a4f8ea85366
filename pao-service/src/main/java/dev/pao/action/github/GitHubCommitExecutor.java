package dev.pao.action.github;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or updates one file on a branch through the contents API, optionally on a new branch with
 * a pull request. Idempotent: when the file already has the wanted content no commit is made (the
 * branch head is reported), and an open pull request for the branch is reused.
 */
@ApplicationScoped
public class GitHubCommitExecutor implements ActionExecutor {
  public static final String TYPE = "github-commit";

  private final GitHubConnections connections;

  /** For CDI's client proxy only. */
  protected GitHubCommitExecutor() {
    this.connections = null;
  }

  @Inject
  public GitHubCommitExecutor(GitHubConnections connections) {
    this.connections = connections;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ActionResult execute(ActionCall call) {
    GitHubCalls github = connections.calls(call);
    Repository repo = Repository.of(call.required("repository"));
    String branch = PathSegments.branch(call.required("branch"));
    String path = PathSegments.filePath(call.required("path").replaceFirst("^/+", ""));
    String content = call.text("content") == null ? "" : call.text("content");
    Map<?, ?> pullRequest = call.spec().get("pullRequest") instanceof Map<?, ?> pr ? pr : null;
    if (pullRequest != null) {
      ensureBranch(github, repo, branch, String.valueOf(pullRequest.get("base")));
    }
    Optional<Map<String, Object>> existing =
        github.callUnless(404, api -> api.contents(repo.owner(), repo.name(), path, branch));
    String commitSha;
    String commitUrl;
    if (existing.isPresent() && content.equals(decode(existing.get().get("content")))) {
      commitSha = branchHead(github, repo, branch);
      commitUrl = github.webUrl("/" + repo + "/commit/" + commitSha);
    } else {
      Map<String, Object> put = new LinkedHashMap<>();
      put.put("message", call.text("message") == null ? "Update " + path : call.text("message"));
      put.put(
          "content", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
      put.put("branch", branch);
      existing.ifPresent(file -> put.put("sha", file.get("sha")));
      Map<String, Object> written =
          github.call(api -> api.writeContents(repo.owner(), repo.name(), path, put));
      Map<?, ?> commit = written.get("commit") instanceof Map<?, ?> c ? c : Map.of();
      commitSha = String.valueOf(commit.get("sha"));
      commitUrl = String.valueOf(commit.get("html_url"));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("commitSha", commitSha);
    document.put("url", commitUrl);
    String link = commitUrl;
    if (pullRequest != null) {
      String prUrl = pullRequest(github, repo, branch, pullRequest, call);
      document.put("pullRequestUrl", prUrl);
      link = prUrl;
    }
    return new ActionResult(
        document, new ExternalRef(TYPE, call.text("instance"), commitSha, link));
  }

  private static void ensureBranch(
      GitHubCalls github, Repository repo, String branch, String base) {
    if (github.callUnless(404, api -> api.branch(repo.owner(), repo.name(), branch)).isPresent()) {
      return;
    }
    String baseSha = branchHead(github, repo, base);
    github.callUnless(
        422,
        api ->
            api.createRef(
                repo.owner(), repo.name(), Map.of("ref", "refs/heads/" + branch, "sha", baseSha)));
  }

  private static String branchHead(GitHubCalls github, Repository repo, String branch) {
    Map<String, Object> ref = github.call(api -> api.branch(repo.owner(), repo.name(), branch));
    Map<?, ?> object = ref.get("object") instanceof Map<?, ?> o ? o : Map.of();
    return String.valueOf(object.get("sha"));
  }

  private static String pullRequest(
      GitHubCalls github, Repository repo, String branch, Map<?, ?> pullRequest, ActionCall call) {
    String base = String.valueOf(pullRequest.get("base"));
    List<Object> open =
        github.call(
            api -> api.pulls(repo.owner(), repo.name(), "open", repo.owner() + ":" + branch, base));
    if (!open.isEmpty() && open.get(0) instanceof Map<?, ?> pr) {
      return String.valueOf(pr.get("html_url"));
    }
    Object title = pullRequest.get("title");
    Map<String, Object> pull =
        Map.of(
            "title",
            title == null ? call.required("message") : String.valueOf(title),
            "head",
            branch,
            "base",
            base,
            "body",
            "Opened by PAO for request " + call.requestId() + ".");
    Map<String, Object> created =
        github.call(api -> api.createPull(repo.owner(), repo.name(), pull));
    return String.valueOf(created.get("html_url"));
  }

  /** An {@code owner/name} repository reference. */
  record Repository(String owner, String name) {
    static Repository of(String repo) {
      if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
          || repo.matches(".*(^|/)\\.{1,2}(/|$).*")) {
        throw new ActionFailedException("repository must be 'owner/name', not '" + repo + "'");
      }
      int slash = repo.indexOf('/');
      return new Repository(repo.substring(0, slash), repo.substring(slash + 1));
    }

    @Override
    public String toString() {
      return owner + "/" + name;
    }
  }

  private static String decode(Object base64) {
    if (base64 == null) {
      return null;
    }
    byte[] bytes = Base64.getMimeDecoder().decode(String.valueOf(base64));
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
