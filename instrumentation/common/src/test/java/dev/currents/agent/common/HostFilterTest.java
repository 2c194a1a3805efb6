package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostFilterTest {

  private static final boolean HTTPS = true;
  private static final boolean HTTP = false;
  private static final int DEFAULT_PORT = -1;

  @Test
  void defaults() {
    HostFilter filter = HostFilter.parse(HostFilter.DEFAULTS);
    assertEquals(List.of("api.currents.dev", "api-staging.currents.dev", "cy.currents.dev"), filter.entries());
    assertEquals(List.of(), filter.rejected());
    assertTrue(filter.matches("api.currents.dev", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("api-staging.currents.dev", 443, HTTPS));
    assertTrue(filter.matches("cy.currents.dev", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("cy.currents.dev", 8080, HTTP), "an entry without a port takes any port");
    assertFalse(filter.matches("currents.dev", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("app.currents.dev", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("api.currents.dev.evil.com", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("xapi.currents.dev", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("api.currents.de", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("example.com", DEFAULT_PORT, HTTPS));
  }

  @Test
  void hostNamesAreCaseInsensitive() {
    HostFilter filter = HostFilter.parse("API.Currents.DEV,*.Example.ORG");
    assertEquals(List.of("api.currents.dev", "*.example.org"), filter.entries());
    assertTrue(filter.matches("api.currents.dev", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("Api.CURRENTS.dev", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("WWW.example.org", DEFAULT_PORT, HTTPS));
  }

  @Test
  void aTrailingDotOnTheRequestHostStillMatches() {
    HostFilter filter = HostFilter.parse("api.currents.dev,*.example.org");
    assertTrue(filter.matches("api.currents.dev.", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("a.example.org.", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("api.currents.dev..", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches(".", DEFAULT_PORT, HTTPS));
  }

  @Test
  void aTrailingDotOnAnEntryIsDropped() {
    HostFilter filter = HostFilter.parse("api.currents.dev.");
    assertEquals(List.of("api.currents.dev"), filter.entries());
    assertTrue(filter.matches("api.currents.dev", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("api.currents.dev.", DEFAULT_PORT, HTTPS));
  }

  @Test
  void anEntryWithAPortMatchesOnlyThatPort() {
    HostFilter filter = HostFilter.parse("localhost:8443, mock.local:80, secure.local:443");
    assertEquals(List.of("localhost:8443", "mock.local:80", "secure.local:443"), filter.entries());
    assertTrue(filter.matches("localhost", 8443, HTTPS));
    assertTrue(filter.matches("localhost", 8443, HTTP));
    assertFalse(filter.matches("localhost", 8080, HTTP));
    assertFalse(filter.matches("localhost", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("mock.local", DEFAULT_PORT, HTTP), "-1 is 80 for http");
    assertFalse(filter.matches("mock.local", DEFAULT_PORT, HTTPS), "-1 is 443 for https");
    assertTrue(filter.matches("mock.local", 80, HTTPS));
    assertTrue(filter.matches("secure.local", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("secure.local", DEFAULT_PORT, HTTP));
    assertFalse(filter.matches("secure.local", 8443, HTTPS));
  }

  @Test
  void theSameHostWithAndWithoutPort() {
    HostFilter filter = HostFilter.parse("a.local:9000,b.local");
    assertTrue(filter.matches("b.local", 1, HTTP));
    assertTrue(filter.matches("b.local", 65535, HTTPS));
    assertFalse(filter.matches("a.local", 9001, HTTP));
  }

  @Test
  void wildcardsMatchSubdomainsAtAnyDepthButNotTheDomain() {
    HostFilter filter = HostFilter.parse("*.currents.dev");
    assertEquals(List.of("*.currents.dev"), filter.entries());
    assertTrue(filter.matches("api.currents.dev", DEFAULT_PORT, HTTPS));
    assertTrue(filter.matches("a.b.c.currents.dev", 8443, HTTPS));
    assertTrue(filter.matches("x.currents.dev", DEFAULT_PORT, HTTP));
    assertFalse(filter.matches("currents.dev", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("currents.dev.", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches(".currents.dev", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("evilcurrents.dev", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("api.currents.dev.evil.com", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("api.currents.de", DEFAULT_PORT, HTTPS));
  }

  @Test
  void aWildcardMayCarryAPort() {
    HostFilter filter = HostFilter.parse("*.internal:8443");
    assertEquals(List.of("*.internal:8443"), filter.entries());
    assertTrue(filter.matches("svc.internal", 8443, HTTPS));
    assertFalse(filter.matches("svc.internal", DEFAULT_PORT, HTTPS));
  }

  @Test
  void ipv6Literals() {
    HostFilter filter = HostFilter.parse("[::1], [FE80::1]:8443");
    assertEquals(List.of("[::1]", "[fe80::1]:8443"), filter.entries());
    assertTrue(filter.matches("[::1]", DEFAULT_PORT, HTTP), "java.net.URI keeps the brackets");
    assertTrue(filter.matches("::1", 9999, HTTP), "OkHttp drops them");
    assertTrue(filter.matches("[fe80::1]", 8443, HTTPS));
    assertTrue(filter.matches("fe80::1", 8443, HTTPS));
    assertTrue(filter.matches("[FE80::1]", 8443, HTTPS));
    assertFalse(filter.matches("[fe80::1]", DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("[::2]", DEFAULT_PORT, HTTP));
    assertFalse(filter.matches("[::1", DEFAULT_PORT, HTTP));
    assertFalse(filter.matches("[]", DEFAULT_PORT, HTTP));
  }

  @Test
  void ipv4LiteralsAreHostNames() {
    HostFilter filter = HostFilter.parse("127.0.0.1:8080");
    assertTrue(filter.matches("127.0.0.1", 8080, HTTP));
    assertFalse(filter.matches("127.0.0.10", 8080, HTTP));
  }

  @Test
  void underscoresAndDigitsAreAllowedInNames() {
    HostFilter filter = HostFilter.parse("currents_mock,mock-1.svc.cluster.local");
    assertEquals(List.of("currents_mock", "mock-1.svc.cluster.local"), filter.entries());
    assertTrue(filter.matches("currents_mock", 3000, HTTP));
  }

  @Test
  void whitespaceAroundAndEmptyEntriesAreIgnored() {
    HostFilter filter = HostFilter.parse("  api.currents.dev ,,\t cy.currents.dev\n, ,");
    assertEquals(List.of("api.currents.dev", "cy.currents.dev"), filter.entries());
    assertEquals(List.of(), filter.rejected());
  }

  @Test
  void duplicatesCollapse() {
    HostFilter filter = HostFilter.parse("api.currents.dev,API.currents.dev.,api.currents.dev:443");
    assertEquals(List.of("api.currents.dev", "api.currents.dev:443"), filter.entries());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "*",
        "*.",
        "*.*.currents.dev",
        "*currents.dev",
        "api.*.dev",
        "**.currents.dev",
        "api currents.dev",
        "api.currents.dev:",
        "api.currents.dev:0",
        "api.currents.dev:65536",
        "api.currents.dev:123456",
        "api.currents.dev:-1",
        "api.currents.dev:80a",
        "api.currents.dev: 80",
        "api.currents.dev:80:81",
        ":443",
        ".",
        "..",
        ".currents.dev",
        "api..currents.dev",
        "api.currents.dev..",
        "https://api.currents.dev",
        "api.currents.dev/v1",
        "user@api.currents.dev",
        "::1",
        "2001:db8::1",
        "[::1",
        "[]",
        "[:1]",
        "[::g]",
        "[::1]8443",
        "[::1]:",
        "[::1]:99999",
        "[api.currents.dev]",
        "bücher.de",
      })
  void malformedEntriesAreRejectedVerbatim(String entry) {
    HostFilter filter = HostFilter.parse("api.currents.dev, " + entry + " ,cy.currents.dev");
    assertEquals(List.of(entry), filter.rejected());
    assertEquals(List.of("api.currents.dev", "cy.currents.dev"), filter.entries());
  }

  @Test
  void overlongNamesAndLabelsAreRejected() {
    String label64 = "a".repeat(64);
    String label63 = "a".repeat(63);
    String name254 = (label63 + ".").repeat(3) + "a".repeat(62);
    assertEquals(254, name254.length());
    HostFilter filter = HostFilter.parse(label64 + ".dev," + label63 + ".dev," + name254);
    assertEquals(List.of(label64 + ".dev", name254), filter.rejected());
    assertEquals(List.of(label63 + ".dev"), filter.entries());
  }

  @Test
  void portBounds() {
    HostFilter filter = HostFilter.parse("a.local:1,b.local:65535,c.local:00080");
    assertEquals(List.of("a.local:1", "b.local:65535", "c.local:80"), filter.entries());
    assertTrue(filter.matches("c.local", DEFAULT_PORT, HTTP));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", ",", " , ,"})
  void nothingConfiguredMatchesNothing(String list) {
    HostFilter filter = HostFilter.parse(list);
    assertEquals(List.of(), filter.entries());
    assertEquals(List.of(), filter.rejected());
    assertFalse(filter.matches("api.currents.dev", DEFAULT_PORT, HTTPS));
  }

  @Test
  void nullOrEmptyHostNeverMatches() {
    HostFilter filter = HostFilter.parse("api.currents.dev,*.currents.dev");
    assertFalse(filter.matches(null, DEFAULT_PORT, HTTPS));
    assertFalse(filter.matches("", DEFAULT_PORT, HTTPS));
  }

  @Test
  void listsAreUnmodifiable() {
    HostFilter filter = HostFilter.parse("a.local,*");
    assertThrows(UnsupportedOperationException.class, () -> filter.entries().add("b.local"));
    assertThrows(UnsupportedOperationException.class, () -> filter.rejected().clear());
  }

  @Test
  void toStringIsTheCanonicalList() {
    assertEquals("a.local,*.b.local:8443,[::1]", HostFilter.parse(" A.local , *.B.local:8443,[::1]").toString());
  }
}
