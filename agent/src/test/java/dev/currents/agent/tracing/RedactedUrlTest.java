package dev.currents.agent.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactedUrlTest {

  @Test
  void credentialLikeQueryValuesAreRedactedAndTheRestKept() {
    assertEquals(
        "https://api.currents.dev/v1/runs?apiKey=REDACTED&limit=10&x-currents-key=REDACTED&tag=a%20b",
        RedactedUrl.of("https", "api.currents.dev", -1, "/v1/runs", "apiKey=k1&limit=10&x-currents-key=k2&tag=a%20b"));
  }

  @Test
  void thePortIsShownOnlyWhenTheUrlGaveOne() {
    assertEquals("http://127.0.0.1:8080/v1/projects", RedactedUrl.of("http", "127.0.0.1", 8080, "/v1/projects", null));
    assertEquals("https://[::1]:8443/runs", RedactedUrl.of("https", "::1", 8443, "/runs", null));
    assertEquals("https://[::1]/runs", RedactedUrl.of("https", "[::1]", -1, "/runs", null));
  }

  @Test
  void namesAreComparedWithoutCaseSeparatorsOrEscapes() {
    for (String name : new String[] {
      "apiKey", "api_key", "API-KEY", "recordKey", "access_token", "client_secret", "password", "X-Amz-Signature",
      "sig", "auth", "Authorization", "session_id", "api%4Bey", "jwt", "code"
    }) {
      assertTrue(RedactedUrl.isCredential(name), name);
    }
    for (String name : new String[] {"limit", "author", "branch", "tag[]", "projectId", "starting_after", "page"}) {
      assertFalse(RedactedUrl.isCredential(name), name);
    }
  }

  @Test
  void oddQueriesStayAsTheyWere() {
    assertEquals("https://h/p?", RedactedUrl.of("https", "h", -1, "/p", ""));
    assertEquals("https://h/p?flag&token=REDACTED&", RedactedUrl.of("https", "h", -1, "/p", "flag&token=t&"));
    assertEquals("https://h/p?token&a==b", RedactedUrl.of("https", "h", -1, "/p", "token&a==b"));
    assertEquals("https://h/p?key=REDACTED", RedactedUrl.of("https", "h", -1, "/p", "key=a=b"));
  }
}
