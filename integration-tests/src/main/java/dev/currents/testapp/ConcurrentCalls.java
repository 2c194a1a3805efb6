package dev.currents.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code concurrent=N}: N copies of one call made at once, each on a thread of its own, released together. */
final class ConcurrentCalls {

  private ConcurrentCalls() {}

  /** The outcome all copies had, or {@code MIXED} with how many had each. */
  static String outcome(ClientAdapter client, Call call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(call.concurrent);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < call.concurrent; i++) {
        outcomes.add(
            threads.submit(
                () -> {
                  start.await();
                  return ClientDriver.outcome(client, call);
                }));
      }
      start.countDown();
      Map<String, Integer> counts = new TreeMap<>();
      for (Future<String> outcome : outcomes) {
        counts.merge(outcome.get(), 1, Integer::sum);
      }
      return counts.size() == 1 ? counts.keySet().iterator().next() : "MIXED " + counts;
    } finally {
      threads.shutdownNow();
    }
  }
}
