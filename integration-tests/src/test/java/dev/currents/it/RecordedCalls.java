package dev.currents.it;

import dev.currents.simapi.ReceivedRequest;
import java.util.Arrays;
import java.util.List;

import dev.currents.simapi.SimulatedCurrentsApi;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls made through the application, each with the samples the agent recorded for it and the requests the API got. */
final class RecordedCalls {

  private static final Duration QUIET = Duration.ofMillis(50);
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final AppJvm app;
  private final SimulatedCurrentsApi api;
  private final AtomicInteger ids = new AtomicInteger();

  RecordedCalls(AppJvm app, SimulatedCurrentsApi api) {
    this.app = app;
    this.api = api;
  }

  /**
   * What one call got, what the agent recorded while it ran and what the API received for it.
   *
   * @param query the query parameter that is this call's own, {@code call=<n>}
   */
  record Call(String query, String answer, PrometheusScrape before, PrometheusScrape after, long requestsReceived) {

    /** Whether a request's raw query (or null) is this call's: the first request, a retry or a resend of it. */
    boolean isMine(String rawQuery) {
      return hasQuery(rawQuery, query);
    }

    /** How many samples of {@code currents.api.requests} with these labels the call added. */
    long samples(String... labels) {
      return after.requests(labels) - before.requests(labels);
    }

    /** How much the call added to the sum of a meter's samples with these labels. */
    double added(String name, String... labels) {
      return after.sum(name, labels) - before.sum(name, labels);
    }

    String scrapeText() {
      return after.text();
    }
  }

  /**
   * Makes the call with a query of its own, {@code call=<n>}: then no two calls are the same request in the sense
   * of SPEC section 5, so none is taken for a retry of another (resend), and the API's requests for it can be told
   * apart. Query strings reach no tag.
   */
  Call make(TestedClient client, String method, String url, String... options) throws Exception {
    String query = "call=" + ids.incrementAndGet();
    PrometheusScrape before = app.scrape();
    int port = URI.create(url).getPort();
    boolean http2 = port == api.h2Port() || port == api.h2cPort();
    String answer = app.call(client.name(), method, url + (url.contains("?") ? "&" : "?") + query,
        http2 ? withHttp2(options) : options);
    List<ReceivedRequest> received =
        api.received().stream().filter(request -> hasQuery(request.query(), query)).toList();
    if (http2 && received.stream().anyMatch(request -> !request.protocol().equals("HTTP/2.0"))) {
      throw new AssertionError(client + " was to speak HTTP/2, the API received " + received);
    }
    return new Call(query, answer, before, awaitQuiet(before, client.tag()), received.size());
  }

  private static String[] withHttp2(String[] options) {
    String[] with = Arrays.copyOf(options, options.length + 1);
    with[options.length] = "http2=true";
    return with;
  }

  private static boolean hasQuery(String rawQuery, String query) {
    return rawQuery != null && ("&" + rawQuery + "&").contains("&" + query + "&");
  }

  /**
   * The scrape once the client's samples have grown and then stayed as they are for a moment: an asynchronous
   * client may end an attempt in a callback that runs just after the caller got its answer.
   */
  private PrometheusScrape awaitQuiet(PrometheusScrape before, String clientTag) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    PrometheusScrape after = app.scrape();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET.toMillis());
      PrometheusScrape next = app.scrape();
      long now = next.requests("client", clientTag);
      if (now == after.requests("client", clientTag) && now > before.requests("client", clientTag)) {
        return next;
      }
      after = next;
    }
    return after;
  }
}
