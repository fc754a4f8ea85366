package dev.pao.it;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Another server instance on the test stack's database and queue, reading its catalog from the
 * given repository and accepting webhooks signed with the given secret.
 */
final class CatalogServer {
  static final String WEBHOOK_SECRET = "it-webhook-secret";

  private CatalogServer() {}

  static LibertyProcess start(String name, CatalogRepo repo) {
    return start(name, repo, Map.of());
  }

  /** The same, with further settings ({@code PAO_...} variables) of its own. */
  static LibertyProcess start(String name, CatalogRepo repo, Map<String, String> settings) {
    LocalStack stack = TestStack.get();
    Map<String, String> env = new HashMap<>(stack.serverEnvironment());
    env.putAll(settings);
    env.put("PAO_CATALOG_REPO", repo.directory().toAbsolutePath().toString());
    env.put("PAO_CATALOG_BRANCH", "main");
    env.put("PAO_GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET);
    env.put("PAO_CATALOG_CACHE_DIR", stack.settings().home().resolve(name + "-cache").toString());
    LibertyProcess server =
        new LibertyProcess(
            stack.settings().wlpDirectory(),
            stack.settings().home().resolve(name),
            TestStack.freePort(),
            env);
    server.start(Duration.ofMinutes(3));
    TestStack.register(server);
    return server;
  }
}
