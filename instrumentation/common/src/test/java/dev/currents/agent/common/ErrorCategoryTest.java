package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCategoryTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "100, OK", "101, OK", "199, OK",
    "200, OK", "201, OK", "204, OK", "299, OK",
    "300, REDIRECT", "301, REDIRECT", "302, REDIRECT", "304, REDIRECT", "307, REDIRECT", "399, REDIRECT",
    "400, BAD_REQUEST", "401, UNAUTHORIZED", "402, REQUEST_FAILED", "403, FORBIDDEN", "404, NOT_FOUND",
    "409, CONFLICT", "429, TOO_MANY_REQUESTS",
    "405, CLIENT_ERROR", "408, CLIENT_ERROR", "410, CLIENT_ERROR", "413, CLIENT_ERROR", "422, CLIENT_ERROR",
    "428, CLIENT_ERROR", "430, CLIENT_ERROR", "451, CLIENT_ERROR", "499, CLIENT_ERROR",
    "500, SERVER_ERROR", "501, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR", "504, SERVER_ERROR",
    "520, SERVER_ERROR", "599, SERVER_ERROR",
    // Outside HTTP's range: the server broke the protocol.
    "600, SERVER_ERROR", "999, SERVER_ERROR", "99, SERVER_ERROR", "0, SERVER_ERROR", "-1, SERVER_ERROR",
    "2147483647, SERVER_ERROR", "-2147483648, SERVER_ERROR",
  })
  void ofStatus(int status, ErrorCategory expected) {
    assertEquals(expected, ErrorCategory.ofStatus(status));
  }

  @Test
  void everyStatusOfEachClassIsCategorised() {
    for (int status = 100; status < 600; status++) {
      ErrorCategory category = ErrorCategory.ofStatus(status);
      assertEquals(status >= 400, category.isError(), "status " + status);
      assertEquals(status >= 500, category == ErrorCategory.SERVER_ERROR, "status " + status);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "OK, ok", "REDIRECT, redirect", "BAD_REQUEST, bad_request", "UNAUTHORIZED, unauthorized",
    "REQUEST_FAILED, request_failed", "FORBIDDEN, forbidden", "NOT_FOUND, not_found", "CONFLICT, conflict",
    "TOO_MANY_REQUESTS, too_many_requests", "CLIENT_ERROR, client_error", "SERVER_ERROR, server_error",
    "TIMEOUT, timeout", "NETWORK_ERROR, network_error", "CANCELLED, cancelled",
  })
  void tagValueIsTheSpecValue(ErrorCategory category, String tagValue) {
    assertEquals(tagValue, category.tagValue());
  }

  @Test
  void categoriesAreExactlyTheSpecTable() {
    assertEquals(14, ErrorCategory.values().length);
  }

  @ParameterizedTest
  @EnumSource(ErrorCategory.class)
  void onlyOkAndRedirectAreNotErrors(ErrorCategory category) {
    boolean expected = category != ErrorCategory.OK && category != ErrorCategory.REDIRECT;
    assertEquals(expected, category.isError());
  }

  @Test
  void retryableColumnOfTheSpec() {
    Set<ErrorCategory> retryable =
        EnumSet.of(
            ErrorCategory.TOO_MANY_REQUESTS,
            ErrorCategory.SERVER_ERROR,
            ErrorCategory.TIMEOUT,
            ErrorCategory.NETWORK_ERROR);
    for (ErrorCategory category : ErrorCategory.values()) {
      if (category == ErrorCategory.CLIENT_ERROR) {
        continue;
      }
      for (int status : new int[] {0, 200, 400, 408, 429, 503}) {
        assertEquals(retryable.contains(category), category.isRetryable(status), category + " " + status);
      }
    }
  }

  @Test
  void clientErrorIsRetryableOnlyFor408() {
    assertTrue(ErrorCategory.CLIENT_ERROR.isRetryable(408));
    assertTrue(ErrorCategory.ofStatus(408).isRetryable(408));
    assertFalse(ErrorCategory.CLIENT_ERROR.isRetryable(422));
    assertFalse(ErrorCategory.CLIENT_ERROR.isRetryable(405));
    assertFalse(ErrorCategory.CLIENT_ERROR.isRetryable(0));
  }

  @Test
  void descriptionsAreDistinctSentencesNamingTheCode() {
    Set<String> seen = new HashSet<>();
    for (ErrorCategory category : ErrorCategory.values()) {
      String description = category.description();
      assertFalse(description.isBlank(), category.name());
      assertTrue(seen.add(description), "duplicate description " + description);
    }
    assertEquals("401: no valid API key", ErrorCategory.UNAUTHORIZED.description());
    assertTrue(ErrorCategory.BAD_REQUEST.description().startsWith("400"));
    assertTrue(ErrorCategory.REQUEST_FAILED.description().startsWith("402"));
    assertTrue(ErrorCategory.FORBIDDEN.description().startsWith("403"));
    assertTrue(ErrorCategory.NOT_FOUND.description().startsWith("404"));
    assertTrue(ErrorCategory.CONFLICT.description().startsWith("409"));
    assertTrue(ErrorCategory.TOO_MANY_REQUESTS.description().startsWith("429"));
    assertTrue(ErrorCategory.SERVER_ERROR.description().startsWith("5xx"));
  }
}
