package dev.pao.action.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.spi.ActionFailedException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses outbound calls may reach (SSRF guard). */
class HostPolicyTest {
  private static final List<String> ANY_HOST = List.of("*.example.com", "localhost");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "[::1]",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.10.1",
        "[fc00::1]",
        "[fd12:3456::1]"
      })
  void templatedTargetsOnPrivateAddressesAreRefusedByDefault(String host) {
    HostPolicy policy = new HostPolicy(List.of(host));
    ActionFailedException refused =
        assertThrows(
            ActionFailedException.class,
            () -> policy.checkTemplated(URI.create("http://" + host + "/x")));
    assertTrue(refused.getMessage().contains("pao.http.allowed-networks"), refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "[fd00:ec2::254]", "[fe80::1]", "0.0.0.0"})
  void metadataAndLinkLocalAddressesAreRefusedEvenWhenPrivateNetworksAreAllowed(String host) {
    HostPolicy policy =
        new HostPolicy(List.of(host), Map.of(), AddressRanges.parse(List.of("0.0.0.0/0", "::/0")));
    ActionFailedException refused =
        assertThrows(
            ActionFailedException.class,
            () -> policy.checkTemplated(URI.create("http://" + host + "/x")));
    assertTrue(refused.getMessage().contains("link-local or metadata"), refused.getMessage());
    assertThrows(
        ActionFailedException.class,
        () -> policy.checkConfigured(URI.create("http://" + host + "/x")));
  }

  @Test
  void allowedNetworksOpenExactlyTheirRanges() {
    HostPolicy policy =
        new HostPolicy(
            List.of("127.0.0.1", "10.20.1.1", "10.21.1.1"),
            Map.of(),
            AddressRanges.parse(List.of("127.0.0.0/8", "10.20.0.0/16")));
    assertDoesNotThrow(() -> policy.checkTemplated(URI.create("http://127.0.0.1:8080/x")));
    assertDoesNotThrow(() -> policy.checkTemplated(URI.create("http://10.20.1.1/x")));
    assertThrows(
        ActionFailedException.class, () -> policy.checkTemplated(URI.create("http://10.21.1.1/x")));
  }

  @Test
  void aRedirectToLoopbackNeedsTheAllowance() {
    Map<String, URI> redirects = HostPolicy.redirects(List.of("*.example.com=http://127.0.0.1:1"));
    URI target = URI.create("https://api.example.com/v1");
    assertThrows(
        ActionFailedException.class,
        () -> new HostPolicy(ANY_HOST, redirects).checkTemplated(target));
    assertDoesNotThrow(
        () ->
            new HostPolicy(ANY_HOST, redirects, AddressRanges.parse(List.of("127.0.0.1")))
                .checkTemplated(target));
  }

  @Test
  void configuredInstancesMayBeInternal() {
    assertDoesNotThrow(
        () -> new HostPolicy(List.of()).checkConfigured(URI.create("http://10.1.2.3/jira")));
  }
}
