package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pao.it.portal.Browser;
import dev.pao.it.portal.CatalogPage;
import dev.pao.it.portal.FailureEvidence;
import dev.pao.it.portal.SignInPage;
import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portal's OpenID Connect sign-in (authorization code with PKCE) against a real OIDC provider
 * running in the test, on a server that trusts only that provider's tokens (development mode off,
 * as in production).
 */
class PortalOidcIT {
  private static final String ISSUER_ID = "pao-test";
  private static MockOAuth2Server provider;
  private static LibertyProcess server;
  private static Browser browser;

  @RegisterExtension static final FailureEvidence EVIDENCE = new FailureEvidence(() -> browser);

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Browser.available(), Browser.SKIPPED);
    provider = new MockOAuth2Server();
    provider.start();
    LocalStack stack = TestStack.get();
    Map<String, String> env = new HashMap<>(stack.serverEnvironment());
    env.remove("PAO_DEV_MODE");
    env.remove("PAO_DEV_SIGNING_KEY");
    env.put("MP_JWT_VERIFY_ISSUER", provider.issuerUrl(ISSUER_ID).toString());
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", provider.jwksUrl(ISSUER_ID).toString());
    env.put("PAO_OIDC_ISSUER", provider.issuerUrl(ISSUER_ID).toString());
    env.put("PAO_OIDC_CLIENT_ID", "pao-portal");
    server =
        new LibertyProcess(
            stack.settings().wlpDirectory(),
            stack.settings().home().resolve("liberty-oidc"),
            TestStack.freePort(),
            env);
    server.start(Duration.ofMinutes(3));
    TestStack.register(server);
    Api api = new Api(server.baseUrl());
    String token = accessToken();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("/api/v1/catalog/service-starter", token).status() == 200);
    browser = new Browser(server.baseUrl());
  }

  /** A token of the provider, as the portal gets one, for the test's own API calls. */
  private static String accessToken() {
    return provider.issueToken(ISSUER_ID, "pao-portal", callback()).serialize();
  }

  /** What the provider says about the user who signs in. */
  private static DefaultOAuth2TokenCallback callback() {
    return new DefaultOAuth2TokenCallback(
        ISSUER_ID,
        "grace",
        "JWT",
        List.of(Tokens.AUDIENCE),
        // upn: the user name claim MicroProfile JWT reads (identity providers add it by a mapper).
        Map.of(
            "upn",
            "grace@example.com",
            "email",
            "grace@example.com",
            "name",
            "Grace Hopper",
            "groups",
            List.of("team-data")),
        3600);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.stop();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  @Test
  void aUserSignsInThroughTheIdentityProviderAndSeesTheCatalog() {
    provider.enqueueCallback(callback());
    SignInPage signIn = SignInPage.open(browser);
    assertFalse(signIn.offersDevelopmentSignIn(), "development mode is off");
    signIn.signInWithOrganisation();
    new CatalogPage(browser).awaitSomeCards();
    assertEquals("Grace Hopper", signIn.signedInAs());
    browser.check("21-oidc-signed-in");

    signIn.signOut();
    assertEquals(null, browser.script("return sessionStorage.getItem('pao.token')"));
  }
}
