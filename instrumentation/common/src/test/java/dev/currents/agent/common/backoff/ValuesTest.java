package dev.currents.agent.common.backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RequestKey and BackoffSettings. */
class ValuesTest {

  private static RequestKey key(String scheme, String host, int port, String path, String query, long credential) {
    return RequestKey.of("GET", scheme, host, port, path, query, credential);
  }

  @Test
  void equivalentUrlsAreOneRequest() {
    RequestKey plain = key("https", "api.currents.dev", -1, "/v1/runs/x", null, 7);
    assertEquals(plain, key("https", "api.currents.dev", 443, "/v1/runs/x", null, 7));
    assertEquals(plain, key("HTTPS", "API.Currents.dev", -1, "/v1/runs/x", "", 7));
    assertEquals(plain, key("https", "api.currents.dev.", -1, "/v1/runs/x", null, 7));
    assertEquals(plain.hashCode(), key("HTTPS", "API.currents.dev.", 443, "/v1/runs/x", "", 7).hashCode());
    assertEquals(key("http", "h", -1, "/", null, 0), key("http", "h", 80, "/", null, 0));
  }

  @Test
  void anyDifferenceIsAnotherRequest() {
    RequestKey plain = key("https", "api.currents.dev", -1, "/v1/runs/x", "a=1", 7);
    assertNotEquals(plain, key("https", "api.currents.dev", -1, "/v1/runs/x", "a=1", 8));
    assertNotEquals(plain, key("https", "api.currents.dev", -1, "/v1/runs/x", "a=2", 7));
    assertNotEquals(plain, key("https", "api.currents.dev", -1, "/v1/runs/X", "a=1", 7));
    assertNotEquals(plain, key("https", "api.currents.dev", 8443, "/v1/runs/x", "a=1", 7));
    assertNotEquals(plain, key("http", "api.currents.dev", -1, "/v1/runs/x", "a=1", 7));
    assertNotEquals(plain, key("https", "cy.currents.dev", -1, "/v1/runs/x", "a=1", 7));
    assertNotEquals(plain, RequestKey.of("POST", "https", "api.currents.dev", -1, "/v1/runs/x", "a=1", 7));
  }

  @Test
  void nullsAreTolerated() {
    assertEquals(RequestKey.of(null, null, null, -1, null, null, 0), RequestKey.of("", "", "", -1, "", "", 0));
  }

  @Test
  void toStringShowsNoQueryNorCredential() {
    String text = key("https", "api.currents.dev", -1, "/v1/runs/x", "recordKey=secret", 42).toString();
    assertFalse(text.contains("secret"), text);
    assertFalse(text.contains("42"), text);
    assertTrue(text.contains("/v1/runs/x"), text);
  }

  @Test
  void settings() {
    BackoffSettings defaults = BackoffSettings.defaults();
    assertEquals(120_000_000_000L, defaults.windowNanos());
    assertEquals(100_000_000L, defaults.minDelayNanos());
    assertEquals(10_000, defaults.maxOpenChains());
    assertEquals(0, BackoffSettings.of(Duration.ofMillis(1), Duration.ZERO, 1).minDelayNanos());
    assertEquals(BackoffSettings.MAX_NANOS,
        BackoffSettings.of(Duration.ofDays(365_000_000L), Duration.ZERO, 1).windowNanos());
    assertThrows(IllegalArgumentException.class, () -> BackoffSettings.of(Duration.ZERO, Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> BackoffSettings.of(null, Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class,
        () -> BackoffSettings.of(Duration.ofSeconds(1), Duration.ofMillis(-1), 1));
    assertThrows(IllegalArgumentException.class, () -> BackoffSettings.of(Duration.ofSeconds(1), Duration.ZERO, 0));
  }
}
