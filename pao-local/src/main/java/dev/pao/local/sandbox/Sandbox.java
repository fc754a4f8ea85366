package dev.pao.local.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Local stand-ins for JIRA, GitHub, Terraform Cloud and the sample REST targets, so every sample
 * catalog item completes on a laptop with visible ticket keys and URLs. It is configured like any
 * real instance (see {@link #serviceEnvironment()}) and never part of a production configuration.
 */
public final class Sandbox implements AutoCloseable {
  /** Hosts of the sample catalog's REST actions, answered by the sandbox. */
  public static final String SAMPLE_HOSTS = "*.example.com";

  private final int port;
  private HttpServer server;
  private ExecutorService threads;

  public Sandbox(int port) {
    this.port = port;
  }

  public void start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("The sandbox could not listen on port " + port, e);
    }
    route("/jira", new JiraSandbox()::handle);
    route("/github", new GitHubSandbox(baseUrl() + "/github")::handle);
    route("/tfc", new TerraformSandbox()::handle);
    route("/rest", new RestSandbox()::handle);
    threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    server.start();
  }

  private void route(String prefix, Consumer<Exchange> handler) {
    server.createContext(
        prefix + "/",
        http -> {
          try {
            handler.accept(new Exchange(http, prefix));
          } catch (RuntimeException e) {
            http.sendResponseHeaders(500, -1);
            http.close();
          }
        });
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /**
   * The configuration that points the service's JIRA, GitHub, Terraform and REST at the sandbox.
   */
  public Map<String, String> serviceEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PAO_JIRA_INSTANCES", "default");
    env.put("PAO_JIRA_DEFAULT_URL", baseUrl() + "/jira");
    env.put("PAO_JIRA_DEFAULT_USER", "sandbox@pao.local");
    env.put("PAO_SECRET_JIRA_DEFAULT_TOKEN", "sandbox-jira-token");
    env.put("PAO_GITHUB_INSTANCES", "default");
    env.put("PAO_GITHUB_DEFAULT_URL", baseUrl() + "/github");
    env.put("PAO_SECRET_GITHUB_DEFAULT_TOKEN", "sandbox-github-token");
    env.put("PAO_TERRAFORM_INSTANCES", "default");
    env.put("PAO_TERRAFORM_DEFAULT_URL", baseUrl() + "/tfc");
    env.put("PAO_SECRET_TERRAFORM_DEFAULT_TOKEN", "sandbox-terraform-token");
    // The secrets the sample catalog's REST actions name (auth.secret).
    env.put("PAO_SECRET_CLOUD_API_TOKEN", "sandbox-cloud-api-token");
    env.put("PAO_SECRET_K8S_PROVISIONER_TOKEN", "sandbox-k8s-provisioner-token");
    env.put("PAO_SECRET_IAM_ADMIN_TOKEN", "sandbox-iam-admin-token");
    env.put("PAO_HTTP_ALLOWED_HOSTS", SAMPLE_HOSTS + ",localhost");
    // The sandbox (and REST targets of the ITs) listen on loopback, which production refuses.
    env.put("PAO_HTTP_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128");
    env.put("PAO_HTTP_REDIRECT_HOSTS", SAMPLE_HOSTS + "=" + baseUrl() + "/rest");
    env.put("PAO_ACTIONS_POLL_MILLIS", "300");
    // Sandbox runs finish after a look or two: waiting actions look again every second.
    env.put("PAO_ACTIONS_WAIT_CHECK_SECONDS", "1");
    return env;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
      server = null;
    }
  }
}
