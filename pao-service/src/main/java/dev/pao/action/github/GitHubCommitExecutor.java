package dev.pao.action.github;

import dev.pao.action.http.HttpAnswer;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates or updates one file on a branch through the contents API, optionally on a new branch with
 * a pull request. Idempotent: when the file already has the wanted content no commit is made (the
 * branch head is reported), and an open pull request for the branch is reused.
 */
public class GitHubCommitExecutor implements ActionExecutor {
  public static final String TYPE = "github-commit";

  private final GitHubConnections connections;

  public GitHubCommitExecutor(GitHubConnections connections) {
    this.connections = connections;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ActionResult execute(ActionCall call) {
    GitHubApi github = connections.api(call);
    String repo = repository(call.required("repository"));
    String branch = call.required("branch");
    String path = call.required("path").replaceFirst("^/+", "");
    String content = call.text("content") == null ? "" : call.text("content");
    Map<?, ?> pullRequest = call.spec().get("pullRequest") instanceof Map<?, ?> pr ? pr : null;
    if (pullRequest != null) {
      ensureBranch(github, repo, branch, String.valueOf(pullRequest.get("base")));
    }
    String contentsPath = "/repos/" + repo + "/contents/" + encodePath(path);
    HttpAnswer existing =
        github.expect(github.get(contentsPath + "?ref=" + encode(branch)), "reading " + path, 404);
    String commitSha;
    String commitUrl;
    if (existing.status() == 200 && content.equals(decode(existing.object().get("content")))) {
      commitSha = branchHead(github, repo, branch);
      commitUrl = github.webUrl("/" + repo + "/commit/" + commitSha);
    } else {
      Map<String, Object> put = new LinkedHashMap<>();
      put.put("message", call.text("message") == null ? "Update " + path : call.text("message"));
      put.put(
          "content", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
      put.put("branch", branch);
      if (existing.status() == 200) {
        put.put("sha", existing.object().get("sha"));
      }
      Map<String, Object> written =
          github.expect(github.send("PUT", contentsPath, put), "the commit of " + path).object();
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

  private static void ensureBranch(GitHubApi github, String repo, String branch, String base) {
    if (github
            .expect(
                github.get("/repos/" + repo + "/git/ref/heads/" + encodePath(branch)),
                "the branch",
                404)
            .status()
        == 200) {
      return;
    }
    String baseSha = branchHead(github, repo, base);
    github.expect(
        github.send(
            "POST",
            "/repos/" + repo + "/git/refs",
            Map.of("ref", "refs/heads/" + branch, "sha", baseSha)),
        "creating branch " + branch,
        422);
  }

  private static String branchHead(GitHubApi github, String repo, String branch) {
    Map<String, Object> ref =
        github
            .expect(
                github.get("/repos/" + repo + "/git/ref/heads/" + encodePath(branch)),
                "branch " + branch)
            .object();
    Map<?, ?> object = ref.get("object") instanceof Map<?, ?> o ? o : Map.of();
    return String.valueOf(object.get("sha"));
  }

  private static String pullRequest(
      GitHubApi github, String repo, String branch, Map<?, ?> pullRequest, ActionCall call) {
    String base = String.valueOf(pullRequest.get("base"));
    String owner = repo.substring(0, repo.indexOf('/'));
    HttpAnswer open =
        github.expect(
            github.get(
                "/repos/"
                    + repo
                    + "/pulls?state=open&head="
                    + encode(owner + ":" + branch)
                    + "&base="
                    + encode(base)),
            "the pull request search");
    if (open.json() instanceof List<?> pulls
        && !pulls.isEmpty()
        && pulls.get(0) instanceof Map<?, ?> pr) {
      return String.valueOf(pr.get("html_url"));
    }
    Object title = pullRequest.get("title");
    Map<String, Object> created =
        github
            .expect(
                github.send(
                    "POST",
                    "/repos/" + repo + "/pulls",
                    Map.of(
                        "title",
                        title == null ? call.required("message") : String.valueOf(title),
                        "head",
                        branch,
                        "base",
                        base,
                        "body",
                        "Opened by PAO for request " + call.requestId() + ".")),
                "the pull request")
            .object();
    return String.valueOf(created.get("html_url"));
  }

  static String repository(String repo) {
    if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new ActionFailedException("repository must be 'owner/name', not '" + repo + "'");
    }
    return repo;
  }

  private static String decode(Object base64) {
    if (base64 == null) {
      return null;
    }
    byte[] bytes = Base64.getMimeDecoder().decode(String.valueOf(base64));
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodePath(String path) {
    StringBuilder encoded = new StringBuilder();
    for (String segment : path.split("/")) {
      if (encoded.length() > 0) {
        encoded.append('/');
      }
      encoded.append(encode(segment));
    }
    return encoded.toString();
  }
}
