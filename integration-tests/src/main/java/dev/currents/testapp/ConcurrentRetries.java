package dev.currents.testapp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many threads retrying at once, for the concurrency test of the backoff model: {@code threadsPerKey} threads
 * for each key, each calling its own URL (a distinct query) with exponential backoff. Prints {@code ATTEMPTS
 * <n>} per thread, then READY, and waits for its standard input to close.
 *
 * <p>Arguments: base URL, threads per key, keys...
 */
public final class ConcurrentRetries {

  private ConcurrentRetries() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int threadsPerKey = Integer.parseInt(args[1]);
    RetryingCaller caller = new RetryingCaller();
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Future<int[]>> results = new ArrayList<>();
    for (int k = 2; k < args.length; k++) {
      for (int t = 0; t < threadsPerKey; t++) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url + "?limit=" + (t + 1)))
                .header("Authorization", "Bearer " + args[k])
                .build();
        results.add(pool.submit(() -> caller.call("exponential", request)));
      }
    }
    for (Future<int[]> result : results) {
      int[] statusAndAttempts = result.get();
      System.out.println("STATUS " + statusAndAttempts[0] + " ATTEMPTS " + statusAndAttempts[1]);
    }
    pool.shutdown();
    System.out.println("READY");
    System.in.read();
  }
}
