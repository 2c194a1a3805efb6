package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OutcomeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "100, INFORMATIONAL", "199, INFORMATIONAL",
    "200, SUCCESS", "299, SUCCESS",
    "300, REDIRECTION", "399, REDIRECTION",
    "400, CLIENT_ERROR", "429, CLIENT_ERROR", "499, CLIENT_ERROR",
    "500, SERVER_ERROR", "599, SERVER_ERROR",
    "600, UNKNOWN", "99, UNKNOWN", "1, UNKNOWN", "0, UNKNOWN", "-1, UNKNOWN",
    "2147483647, UNKNOWN", "-2147483648, UNKNOWN",
  })
  void ofStatus(int status, Outcome expected) {
    assertEquals(expected, Outcome.ofStatus(status));
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void tagValueIsTheName(Outcome outcome) {
    assertEquals(outcome.name(), outcome.tagValue());
  }

  @Test
  void valuesAreMicrometers() {
    assertEquals(
        "[INFORMATIONAL, SUCCESS, REDIRECTION, CLIENT_ERROR, SERVER_ERROR, UNKNOWN]",
        java.util.Arrays.toString(Outcome.values()));
  }
}
