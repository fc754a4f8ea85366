package dev.pao.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pao.it.portal.Browser;
import dev.pao.it.portal.CatalogPage;
import dev.pao.it.portal.FailureEvidence;
import dev.pao.it.portal.ItemPage;
import dev.pao.it.portal.QueuePage;
import dev.pao.it.portal.RequestPage;
import dev.pao.it.portal.RequestsPage;
import dev.pao.it.portal.SignInPage;
import dev.pao.it.portal.SyncPage;
import dev.pao.it.portal.ValidatePage;
import dev.pao.local.LibertyProcess;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The developer portal in headless Chromium against one real server (sample catalog plus the
 * integration documents, whose REST steps answer from a test-controlled WireMock): every page is
 * screenshotted and scanned by axe-core.
 */
class PortalBrowserIT {
  private static final String ADA = "ada@example.com";
  private static final Duration RUN = Duration.ofSeconds(120);

  private static WireMockServer target;
  private static LibertyProcess server;
  private static Api api;
  private static Browser browser;

  @RegisterExtension static final FailureEvidence EVIDENCE = new FailureEvidence(() -> browser);

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Browser.available(), Browser.SKIPPED);
    target = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    target.start();
    target.stubFor(post(urlPathMatching("/first/.*")).willReturn(okJson("{\"id\": \"f-1\"}")));
    target.stubFor(post(urlPathMatching("/second/.*")).willReturn(okJson("{\"id\": \"s-1\"}")));
    target.stubFor(post(urlPathMatching("/third/.*")).willReturn(okJson("{\"id\": \"t-1\"}")));
    // portal-stops always fails at its second step; portal-flaky fails once, then recovers.
    target.stubFor(
        post(urlPathEqualTo("/second/portal-stops"))
            .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}")));
    target.stubFor(
        post(urlPathEqualTo("/second/portal-flaky"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}"))
            .willSetStateTo("recovered"));
    target.stubFor(
        post(urlPathEqualTo("/second/portal-flaky"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"id\": \"s-2\"}")));
    server = RequestServer.start("portal", target.port());
    api = new Api(server.baseUrl());
    browser = new Browser(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.stop();
    }
    if (target != null) {
      target.stop();
    }
  }

  @BeforeEach
  void freshSession() {
    browser.resize(1280, 900);
    browser.forgetSession();
  }

  private static void signIn(String email, List<String> teams, List<String> roles) {
    SignInPage.open(browser).signInAs(email, email.substring(0, email.indexOf('@')), teams, roles);
  }

  @Test
  void aDeveloperRequestsTheServiceStarterAndWatchesItCompleteWithItsTicketLinks() {
    SignInPage signIn = SignInPage.open(browser);
    browser.check("01-sign-in");
    signIn.signInAs(ADA, "Ada", List.of("team-data"), List.of("developer"));

    CatalogPage catalog = new CatalogPage(browser);
    browser.check("02-catalog");
    catalog.search("starter").awaitCards(List.of("service-starter"));
    assertTrue(catalog.cardText("service-starter").contains("bundle"));
    catalog.search("").filter("category", "databases");
    catalog.awaitCards(List.of("postgres-database", "redis-cache"));
    browser.check("03-catalog-filtered");
    catalog.clearFilters().search("starter").awaitCards(List.of("service-starter"));

    ItemPage item = catalog.openCard("service-starter");
    assertEquals("New service starter kit", item.heading());
    String steps = item.whatHappens();
    assertTrue(steps.indexOf("PostgreSQL") < steps.indexOf("GitHub"), steps);
    assertTrue(steps.contains("commits .github/CODEOWNERS to example-org/<name>"), steps);
    assertTrue(steps.contains("Opens a JIRA task in project DBA"), steps);
    browser.check("04-item-service-starter");

    item.type("name", "X").type("ownerEmail", "not-an-address").type("homepage", "ftp://x");
    item.preview();
    assertTrue(item.fieldError("name").contains("does not match"), item.fieldError("name"));
    assertTrue(item.fieldError("ownerEmail").contains("e-mail"));
    assertTrue(item.fieldError("homepage").contains("web address"));
    assertEquals("Error: required", "Error: " + item.fieldError("network.vpc"));
    assertEquals(4, item.summaryErrors().size(), item.summaryErrors().toString());
    browser.check("05-form-errors");

    item.type("name", "orders-api")
        .type("ownerEmail", "ada@example.com")
        .type("homepage", "https://orders.example.com")
        .type("network.vpc", "vpc-0a1b2c3d");
    // A rule only the server knows (the length cap of fields without maxLength): its answer's
    // details land on the field they name, with the reference to quote.
    item.paste("homepage", "https://orders.example.com/" + "a".repeat(4100)).preview();
    assertTrue(item.fieldError("homepage").contains("at most 4096"), item.fieldError("homepage"));
    assertTrue(item.errorSummary().contains("Reference"), item.errorSummary());
    item.type("homepage", "https://orders.example.com").preview();
    String preview = item.previewText();
    assertTrue(preview.contains("Create PostgreSQL orders-api (small)"), preview);
    assertTrue(preview.contains("example-org/repo-factory"), preview);
    browser.check("06-preview");

    RequestPage request = item.submit();
    browser.check("07-request-submitted");
    request.awaitStatus("completed", RUN);
    assertTrue(
        request.externalLinks().stream().anyMatch(link -> link.startsWith("DBA-")),
        request.externalLinks().toString());
    assertFalse(request.offersDecisions());
    browser.check("08-request-completed");

    RequestsPage.open(browser).awaitRequestFor("service-starter");
    browser.check("09-requests");
  }

  @Test
  void aFailedRequestIsRetriedFromItsPageAfterADryRunAndCompletes() {
    signIn(ADA, List.of("team-data"), List.of());
    ItemPage item = ItemPage.open(browser, "it-chain");
    item.type("name", "portal-flaky").preview();
    item.previewText();
    RequestPage request = item.submit();
    request.awaitStatus("failed", RUN);
    assertTrue(request.timeline().contains("HTTP 500"), request.timeline());
    assertTrue(request.offersDecisions());
    browser.check("10-request-failed");

    String plan = request.retry();
    assertTrue(plan.contains("two / call"), plan);
    assertFalse(plan.contains("one / call"), "completed steps are kept: " + plan);
    request.awaitStatus("completed", RUN);
    assertFalse(request.offersDecisions());
    browser.check("11-request-retried");
  }

  @Test
  void aStoppedRequestIsAbortedOrEscalatedWithAReason() {
    String adaToken = api.token(ADA, List.of("team-data"), List.of());
    String toAbort = submit(adaToken);
    String toEscalate = submit(adaToken);
    signIn(ADA, List.of("team-data"), List.of());

    RequestPage aborted = RequestPage.open(browser, toAbort).awaitStatus("failed", RUN);
    aborted.abort("not needed any more").awaitStatus("aborted", RUN);
    assertFalse(aborted.offersDecisions());
    aborted.awaitLog("not needed any more");
    browser.check("12-request-aborted");

    RequestPage escalated = RequestPage.open(browser, toEscalate).awaitStatus("failed", RUN);
    escalated.escalate("the API keeps failing").awaitStatus("escalated", RUN);
    assertFalse(escalated.offersDecisions());
    escalated.awaitLog("the API keeps failing");
    browser.check("13-request-escalated");
  }

  private static String submit(String token) {
    Api.Answer answer =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \"it-chain\", \"form_data\": {\"name\":"
                            + " \"portal-stops\"}}")));
    assertEquals(202, answer.status(), answer.raw());
    return answer.json().getJsonObject("data").getString("id");
  }

  @Test
  void anExpiredSessionSignsInAgainAndKeepsTheFormButNotItsSecrets() {
    signIn(ADA, List.of("team-data"), List.of());
    ItemPage item = ItemPage.open(browser, "postgres-database");
    assertEquals("password", item.input("adminPassword").getAttribute("type"));
    item.type("name", "orders")
        .type("adminPassword", "a-long-secret-1")
        .type("network.vpc", "vpc-0a1b2c3d");
    browser.script("sessionStorage.setItem('pao.token', arguments[0])", Tokens.forged());
    item.preview();

    SignInPage signIn = new SignInPage(browser);
    assertTrue(signIn.showsExpiredNotice());
    browser.check("14-session-expired");
    signIn.signInAs(ADA, "Ada", List.of("team-data"), List.of());
    ItemPage again = new ItemPage(browser);
    assertEquals("orders", again.input("name").getAttribute("value"));
    assertEquals("vpc-0a1b2c3d", again.input("network.vpc").getAttribute("value"));
    assertEquals("", again.input("adminPassword").getAttribute("value"));

    again.type("adminPassword", "a-long-secret-1").preview();
    String preview = again.previewText();
    assertTrue(preview.contains("Create PostgreSQL orders (small)"), preview);
    assertFalse(preview.contains("a-long-secret-1"), preview);
  }

  @Test
  void anAdminRedrivesADeadLetterFromTheQueuePage() {
    String run = QueueProbes.newRun();
    String group = "portal-" + run;
    QueueProbes.send("probe.fail", run, "thrice", group, Map.of("fail_times", 3));
    String admin = api.token("ops@example.com", List.of("ops"), List.of("admin"));
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> deadLetterGroups(admin).contains(group));

    signIn("ops@example.com", List.of("ops"), List.of("admin"));
    QueuePage queue = QueuePage.open(browser);
    assertTrue(queue.showsDeadLetter(group));
    browser.check("15-queue");
    assertTrue(queue.redrive(group).contains(group));
    assertFalse(deadLetterGroups(admin).contains(group));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> QueueProbes.deliveries(run, "completed").size() == 1);
    browser.check("16-queue-redriven");
  }

  private static List<String> deadLetterGroups(String admin) {
    return api.get("/api/v1/queue/dlq/messages", admin).json().getJsonArray("data").stream()
        .map(value -> ((JsonObject) value).getString("message_group_id", ""))
        .toList();
  }

  @Test
  void aPlatformEngineerSeesARejectedDocumentAtItsLineAndValidatesOne() throws IOException {
    String broken = Files.readString(Path.of("src/test/resources/portal/broken-item.yaml"));
    CatalogRepo.existing(TestStack.get().settings().home().resolve("portal-catalog"))
        .commit("catalog/testing/portal-broken.yaml", broken);
    signIn("pat@example.com", List.of("platform"), List.of("platform"));

    String rejected =
        SyncPage.open(browser).refreshUntilRejected("catalog/testing/portal-broken.yaml");
    assertTrue(rejected.contains("14:15"), rejected);
    assertTrue(rejected.contains("not 'colour'"), rejected);
    browser.check("17-catalog-sync-rejected");

    String verdict = ValidatePage.open(browser).validate(broken);
    assertTrue(verdict.contains("Line 14, column 15"), verdict);
    browser.check("18-validate-document");
    assertTrue(
        ValidatePage.open(browser)
            .validate(broken.replace("colour\n", "string\n"))
            .contains("Valid item"));
  }

  @Test
  void thePagesWorkOnA360PixelWidePhone() {
    signIn(ADA, List.of("team-data"), List.of());
    browser.resize(360, 800);
    CatalogPage.open(browser).awaitSomeCards();
    assertFitsTheWidth();
    browser.check("19-catalog-360px");
    ItemPage.open(browser, "postgres-database");
    assertFitsTheWidth();
    browser.check("20-item-360px");
  }

  @Test
  void theFirstLoadIsSmallInteractiveQuicklyAndCachedByContentHash() throws IOException {
    // A browser with an empty cache and profile: the whole first load of the portal.
    String cold;
    try (Browser fresh = new Browser(server.baseUrl())) {
      fresh.open("#/sign-in");
      fresh.awaitHeading("Sign in");
      cold = loadFigures(fresh, "cold (empty cache)");
    }
    signIn(ADA, List.of("team-data"), List.of());
    browser.driver().navigate().refresh();
    new CatalogPage(browser).awaitSomeCards();
    String warm = loadFigures(browser, "signed in, catalog, cached assets");
    Files.writeString(Path.of("target/portal-screenshots/first-load.txt"), cold + warm);
    System.out.print(cold + warm);

    Api.Answer page = api.get("/");
    assertEquals("no-cache", page.header("Cache-Control"));
    java.util.regex.Matcher app =
        java.util.regex.Pattern.compile("/assets/app\\.js\\?v=[0-9a-f]{16}").matcher(page.raw());
    assertTrue(app.find(), page.raw());
    assertEquals(
        "public, max-age=31536000, immutable", api.get(app.group()).header("Cache-Control"));
    assertEquals("no-cache", api.get("/assets/app.js?v=0000").header("Cache-Control"));
  }

  /** JS+CSS bytes of the page load and the time until the portal marked itself interactive. */
  private static String loadFigures(Browser on, String what) {
    Number bytes =
        (Number)
            on.script(
                "return performance.getEntriesByType('resource')"
                    + ".filter(r => /[.](js|css)([?]|$)/.test(r.name))"
                    + ".reduce((n, r) => n + (r.decodedBodySize || r.transferSize), 0)");
    Number interactive =
        (Number) on.script("return performance.getEntriesByName('pao-ready')[0].startTime");
    assertTrue(bytes.longValue() > 10_000, "the modules were loaded: " + bytes);
    assertTrue(bytes.longValue() < 300 * 1024, what + ": " + bytes + " bytes of JS and CSS");
    return "Portal first load, %s: JS+CSS %.1f KB, time to interactive %d ms%n"
        .formatted(what, bytes.doubleValue() / 1024, interactive.longValue());
  }

  private static void assertFitsTheWidth() {
    Number overflow =
        (Number)
            browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertTrue(
        overflow.intValue() <= 0, "the page is wider than the screen by " + overflow + " px");
  }
}
