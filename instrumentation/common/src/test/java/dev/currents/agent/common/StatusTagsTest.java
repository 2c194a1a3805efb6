package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTagsTest {

  @Test
  void everyHttpCodeIsItsDecimalString() {
    for (int status = 100; status <= 599; status++) {
      assertEquals(Integer.toString(status), StatusTags.of(status));
    }
  }

  @Test
  void theSameInstanceEachTime() {
    for (int status = 100; status <= 599; status++) {
      assertSame(StatusTags.of(status), StatusTags.of(status));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void noResponseIsNone(int status) {
    assertEquals("NONE", StatusTags.of(status));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 42, 99, 600, 999, 1000, Integer.MAX_VALUE})
  void codesOutsideHttpShareOneValue(int status) {
    assertEquals("OTHER", StatusTags.of(status));
  }
}
