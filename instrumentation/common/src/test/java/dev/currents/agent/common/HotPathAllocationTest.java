package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The per-request calls allocate nothing: a million calls on this thread must not add measurably to its
 * allocated bytes. One allocation per call would show as megabytes; the allowance absorbs the measurement.
 */
class HotPathAllocationTest {

  private static final int CALLS = 1_000_000;
  private static final long ALLOWANCE_BYTES = 64 * 1024;

  private static final String[] PATHS = {
    "/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234",
    "/v1/runs/find?projectId=bAYZ41&ciBuildId=42",
    "/v1/actions/tests/dGVzdCBzaWduYXR1cmU9PQ",
    "/v1/actions/3f2b8c1e-9d4a-4e6f-b7a2-1c5d8e9f0a3b/tests",
    "/v1/runs/%66ind",
    "/v1/runs/find/cancel",
    "/v1/projects/bAYZ41/jira/issues/PROJ-1/link/",
    "/instances/64f1c2d3e4b5a69788990a1b/cy/results",
    "/v1/runs/find/x",
    "/nope/../x",
  };

  private static final String[] HOSTS = {
    "api.currents.dev", "API.currents.dev.", "cy.currents.dev", "example.com", "a.b.internal", "[::1]", null,
  };

  private static final String[] METHODS = {"GET", "POST", "get", "PROPFIND", null};

  @Test
  void routeMatching() {
    RouteTemplates routes = RouteTemplates.currents();
    assertAllocationFree(
        () -> {
          int sink = 0;
          for (int i = 0; i < CALLS; i++) {
            sink += routes.match(PATHS[i % PATHS.length]).length();
          }
          return sink;
        });
  }

  @Test
  void hostFiltering() {
    HostFilter filter = HostFilter.parse(HostFilter.DEFAULTS + ",*.internal,[::1]:8443");
    assertAllocationFree(
        () -> {
          int sink = 0;
          for (int i = 0; i < CALLS; i++) {
            sink += filter.matches(HOSTS[i % HOSTS.length], (i & 1) == 0 ? -1 : 8443, (i & 2) == 0) ? 1 : 0;
          }
          return sink;
        });
  }

  @Test
  void tagValues() {
    assertAllocationFree(
        () -> {
          int sink = 0;
          for (int i = 0; i < CALLS; i++) {
            int status = i % 700 - 50;
            sink += StatusTags.of(status).length();
            sink += ErrorCategory.ofStatus(status).tagValue().length();
            sink += Outcome.ofStatus(status).tagValue().length();
            sink += ErrorCategory.ofStatus(status).isRetryable(status) ? 1 : 0;
            String method = METHODS[i % METHODS.length];
            sink += HttpMethods.normalize(method).length();
          }
          return sink;
        });
  }

  private static void assertAllocationFree(IntSupplier work) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    long thread = Thread.currentThread().getId();
    work.getAsInt(); // loads and initialises every class on the path
    long before = threads.getThreadAllocatedBytes(thread);
    int sink = work.getAsInt();
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(allocated < ALLOWANCE_BYTES, allocated + " bytes allocated by " + CALLS + " calls (" + sink + ")");
  }
}
