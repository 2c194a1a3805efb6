package dev.currents.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsersTest {

  @ParameterizedTest
  @CsvSource({"250ms, 250", "30s, 30000", "5m, 300000", "' 30S ', 30000", "0ms, 0", "1MS, 1", "+2s, 2000"})
  void durations(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), ValueParsers.parseDuration(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "0", "s", "ms", "-5s", "1.5s", "5 s", "5h", "5d", "30sec", "abc",
      "9223372036854775807m", "9223372036854775808ms", "300000000000000s"})
  void malformedDurations(String text) {
    assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseDuration(text));
  }

  @Test
  void aBareNumberIsRejectedForItsMissingUnit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseDuration("30"));
    assertTrue(e.getMessage().startsWith("no unit"), e.getMessage());
  }

  @Test
  void positiveDurationRejectsZero() {
    assertThrows(IllegalArgumentException.class, () -> ValueParsers.parsePositiveDuration("0s"));
    assertEquals(Duration.ofMillis(1), ValueParsers.parsePositiveDuration("1ms"));
  }

  @ParameterizedTest
  @CsvSource({
      "http://user:secret@collector:4318/v1, http://collector:4318/v1",
      "https://a@b@host, https://host",
      "http://host/path@x, http://host/path@x",
      "http://host?q=a@b, http://host?q=a@b",
      "user@host, user@host",
      "http://host, http://host",
      "'ftp://u:p@', 'ftp://'",
  })
  void userInfoIsStripped(String text, String expected) {
    assertEquals(expected, ValueParsers.withoutUserInfo(text));
  }

  @Test
  void echoQuotesReplacesControlCharactersAndTruncates() {
    assertEquals("\"a?b\"", ValueParsers.echo("a\nb"));
    String echoed = ValueParsers.echo("x".repeat(500));
    assertEquals(1 + 200 + 3 + 1, echoed.length());
    assertTrue(echoed.endsWith("...\""));
  }

  @Test
  void distance() {
    assertEquals(0, ValueParsers.distance("abc", "abc"));
    assertEquals(1, ValueParsers.distance("port", "prt"));
    assertEquals(2, ValueParsers.distance("port", "prot"));
    assertEquals(3, ValueParsers.distance("", "abc"));
  }

  @Test
  void httpUrls() {
    assertEquals("collector", ValueParsers.parseHttpUrl(" HTTPS://collector:4318 ").getHost());
    for (String bad : new String[] {"localhost:4318", "collector", "ftp://host", "http://", "http:///path",
        "http://otel_collector:4318", "http://a b", "/v1/traces"}) {
      assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseHttpUrl(bad), bad);
    }
  }

  @Test
  void propertiesFilesAreReadAsUtf8OrElseLatin1(@TempDir Path dir) throws Exception {
    Path utf8 = dir.resolve("utf8.properties");
    Files.write(utf8, "currents.agent.service.name=caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of("currents.agent.service.name", "caf\u00e9"), ValueParsers.readProperties(utf8));

    Path latin1 = dir.resolve("latin1.properties");
    Files.write(latin1, "currents.agent.service.name=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(Map.of("currents.agent.service.name", "caf\u00e9"), ValueParsers.readProperties(latin1));
  }

  @Test
  void booleans() {
    assertTrue(ValueParsers.parseBoolean(" TRUE "));
    assertFalse(ValueParsers.parseBoolean("False"));
    assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseBoolean("yes"));
  }
}
