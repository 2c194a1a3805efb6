package dev.currents.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Tag;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The labels of an attempt are interned: looking them up allocates nothing once they exist. */
class MeterLabelsTest {

  private final MeterLabels.Interned interned = new MeterLabels.Interned();

  @Test
  void theSameClientMethodAndEndpointGiveTheSameLabels() {
    MeterLabels labels = interned.of("okhttp", "GET", "/v1/runs/{runId}");
    assertSame(labels, interned.of("okhttp", "GET", "/v1/runs/{runId}"));
    assertNotSame(labels, interned.of("reactor-netty", "GET", "/v1/runs/{runId}"));
    assertNotSame(labels, interned.of("okhttp", "POST", "/v1/runs/{runId}"));
    assertNotSame(labels, interned.of("okhttp", "GET", "/v1/projects"));
    assertEquals(
        List.of(Tag.of("client", "okhttp"), Tag.of("endpoint", "/v1/runs/{runId}"), Tag.of("method", "GET")),
        labels.tags().stream().collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void aLookupOfExistingLabelsAllocatesNothing() {
    String[] clients = {"okhttp", "java-http-client", "reactor-netty"};
    String[] methods = {"GET", "POST"};
    String[] endpoints = {"/v1/runs/{runId}", "/v1/projects", "other"};
    for (String c : clients) {
      for (String m : methods) {
        for (String e : endpoints) {
          interned.of(c, m, e);
        }
      }
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    int sink = 0;
    // Warm up, so that the JIT's own work is not counted.
    for (int i = 0; i < 200_000; i++) {
      sink += interned.of(clients[i % 3], methods[i & 1], endpoints[i % 3]).endpoint().length();
    }
    long before = threads.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 1_000_000; i++) {
      sink += interned.of(clients[i % 3], methods[i & 1], endpoints[i % 3]).endpoint().length();
    }
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    // One object per lookup would be 16 MB or more; the allowance absorbs the measurement itself.
    assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes in a million lookups (" + sink + ")");
  }
}
