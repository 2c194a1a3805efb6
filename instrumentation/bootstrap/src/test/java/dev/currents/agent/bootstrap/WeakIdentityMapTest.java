package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  private final WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();

  @Test
  void keysAreComparedByIdentityNotEquality() {
    String first = new String("same");
    String second = new String("same");
    map.put(first, "first");
    assertEquals("first", map.get(first));
    assertNull(map.get(second));
  }

  @Test
  void putIfAbsentKeepsTheFirstValue() {
    Object key = new Object();
    assertEquals("a", map.putIfAbsent(key, "a"));
    assertEquals("a", map.putIfAbsent(key, "b"));
    map.put(key, "c");
    assertSame("c", map.get(key));
  }

  @Test
  void removeDetachesTheValueOfThatKeyOnly() {
    String first = new String("same");
    String second = new String("same");
    map.put(first, "first");
    assertNull(map.remove(second));
    assertEquals("first", map.remove(first));
    assertNull(map.get(first));
    assertTrue(map.isEmpty());
  }

  @Test
  void entriesOfCollectedKeysAreDropped() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      map.put(new Object(), "garbage");
    }
    List<Object> kept = new ArrayList<>();
    for (int round = 0; round < 50 && map.size() > kept.size(); round++) {
      System.gc();
      Thread.sleep(20);
      Object key = new Object();
      kept.add(key);
      map.put(key, "kept");
    }
    assertEquals(kept.size(), map.size(), "only the live keys remain");
  }
}
