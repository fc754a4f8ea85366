package dev.pao.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pao.local.LibertyProcess;
import java.nio.file.Path;

/**
 * The one server the devctl tests share (a {@link RequestServer} named {@code devctl}, started on
 * first use and stopped when the JVM exits), with a WireMock REST target that fails for the names
 * {@code devctl-broken-*} always and for {@code devctl-flaky} once.
 */
final class DevctlServer {
  static final String NAME = "devctl";
  private static LibertyProcess server;

  private DevctlServer() {}

  static synchronized LibertyProcess get() {
    if (server == null) {
      WireMockServer target = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      target.start();
      target.stubFor(post(urlPathMatching("/first/.*")).willReturn(okJson("{\"id\": \"f-1\"}")));
      target.stubFor(
          post(urlPathMatching("/first/devctl-broken-.*"))
              .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}")));
      target.stubFor(
          post(urlPathEqualTo("/first/devctl-flaky"))
              .inScenario("flaky")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}"))
              .willSetStateTo("recovered"));
      target.stubFor(
          post(urlPathEqualTo("/first/devctl-flaky"))
              .inScenario("flaky")
              .whenScenarioStateIs("recovered")
              .willReturn(okJson("{\"id\": \"f-2\"}")));
      LibertyProcess started = RequestServer.start(NAME, target.port());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.stop();
                    target.stop();
                  },
                  "devctl-server-stop"));
      server = started;
    }
    return server;
  }

  /** The git repository (with a work tree) the server's catalog is read from. */
  static Path catalogRepository() {
    return TestStack.get().settings().home().resolve(NAME + "-catalog");
  }
}
