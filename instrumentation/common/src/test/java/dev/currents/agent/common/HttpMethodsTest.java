package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpMethodsTest {

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"})
  void standardMethodsAreTheirConstant(String method) {
    String fresh = new String(method.toCharArray());
    String normalized = HttpMethods.normalize(fresh);
    assertEquals(method, normalized);
    assertSame(method.intern(), normalized, "the constant, not the argument");
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "Get", "post", "PROPFIND", "PURGE", "QUERY", "", " GET", "GET ", "G"})
  void anythingElseIsOther(String method) {
    assertEquals("_OTHER", HttpMethods.normalize(method));
  }

  @Test
  void nullIsOther() {
    assertEquals("_OTHER", HttpMethods.normalize(null));
  }
}
