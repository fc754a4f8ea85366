package dev.pao.local.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the REST targets of the sample catalog: whatever is sent, it answers like a
 * provisioning API would: 201 (200 for GET) with a generated id, the resource name, a ready status,
 * and what it received.
 */
final class RestSandbox {
  private final AtomicInteger ids = new AtomicInteger();

  void handle(Exchange exchange) {
    JsonObject body = exchange.body();
    String id = "res-" + ids.incrementAndGet();
    exchange.header("X-Request-Id", id);
    exchange.json(
        exchange.method().equals("GET") ? 200 : 201,
        Json.createObjectBuilder()
            .add("id", id)
            .add("name", body.getString("name", id))
            .add("status", "ready")
            .add("path", exchange.path())
            .add("url", "https://console.sandbox.pao.local" + exchange.path() + "/" + id)
            .add("received", body)
            .build());
  }
}
