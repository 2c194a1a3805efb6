package dev.currents.agent.common.backoff;

import static dev.currents.agent.common.backoff.ChainsFixture.key;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.currents.agent.common.ErrorCategory;
import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * What every request pays allocates nothing: the chain lookups of a request that does not fail, parsing the
 * usual Retry-After, and the attempt tag. Same measure as the common package's HotPathAllocationTest.
 */
class BackoffHotPathTest {

  private static final int CALLS = 1_000_000;
  private static final long ALLOWANCE_BYTES = 64 * 1024;

  @Test
  void requestsThatDoNotFail() {
    RetryChains<String> chains = new RetryChains<>(BackoffSettings.defaults(), new BackoffListener<String>() {});
    RequestKey[] keys = {key("/v1/runs/a"), key("/v1/runs/b"), key("/v1/projects", "other")};
    // An open chain of another request must not make the others pay.
    RequestKey failing = key("/v1/runs/failing");
    chains.onEnd(failing, "x", null, 0, 1, ErrorCategory.SERVER_ERROR, 503, RetryAfter.ABSENT);
    assertAllocationFree(() -> {
      int sink = 0;
      for (int i = 0; i < CALLS; i++) {
        RequestKey key = keys[i % keys.length];
        Retry retry = chains.onStart(key, "GET /v1/runs/{runId}", i);
        chains.onEnd(key, "GET /v1/runs/{runId}", retry, i, i + 1, ErrorCategory.OK, 200, RetryAfter.ABSENT);
        sink += retry == null ? 1 : 0;
      }
      return sink;
    });
  }

  @Test
  void retryAfterInWholeSecondsAndTags() {
    String[] values = {"5", "120", " 30 ", "0", "5, 5"};
    assertAllocationFree(() -> {
      int sink = 0;
      for (int i = 0; i < CALLS; i++) {
        sink += (int) RetryAfter.parse(values[i % values.length], 0).delayMillis();
        sink += AttemptTag.of(i % 7).length();
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
    work.getAsInt();
    long before = threads.getThreadAllocatedBytes(thread);
    int sink = work.getAsInt();
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(allocated < ALLOWANCE_BYTES, allocated + " bytes allocated by " + CALLS + " calls (" + sink + ")");
  }
}
