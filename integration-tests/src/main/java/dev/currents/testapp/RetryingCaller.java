package dev.currents.testapp;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Retry code as services write it, around the JDK's HttpClient: hand-written loops and the common retry
 * libraries. Each retries a throttled or failing call until it gets a non-retryable answer or gives up.
 */
final class RetryingCaller {

  /** How many attempts each style makes at most. */
  static final int MAX_ATTEMPTS = 6;

  private final HttpClient client = HttpClient.newHttpClient();

  /** Calls {@code request} in the named style; returns the final status and the number of attempts made. */
  int[] call(String style, HttpRequest request) throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CheckedCall call =
        () -> {
          attempts.incrementAndGet();
          return client.send(request, HttpResponse.BodyHandlers.ofString());
        };
    HttpResponse<String> last = STYLES.get(style).retry(call);
    return new int[] {last.statusCode(), attempts.get()};
  }

  interface CheckedCall {
    HttpResponse<String> send() throws Exception;
  }

  interface Style {
    HttpResponse<String> retry(CheckedCall call) throws Exception;
  }

  private static final Map<String, Style> STYLES =
      Map.of(
          "immediate", call -> loop(call, attempt -> Duration.ZERO),
          "constant", call -> loop(call, attempt -> Duration.ofMillis(300)),
          "exponential", call -> loop(call, attempt -> Duration.ofMillis(150L << attempt)),
          "resilience4j", RetryingCaller::resilience4j,
          "failsafe", RetryingCaller::failsafe,
          "spring", RetryingCaller::springRetry,
          "spring-random", RetryingCaller::springRetryRandom);

  private static boolean retryable(HttpResponse<String> response) {
    return response.statusCode() == 429 || response.statusCode() >= 500;
  }

  /** The loop everyone writes first: send, and on a retryable answer wait {@code waitBefore(n)} and resend. */
  private static HttpResponse<String> loop(CheckedCall call, java.util.function.IntFunction<Duration> waitBefore)
      throws Exception {
    HttpResponse<String> response = call.send();
    for (int attempt = 0; attempt < MAX_ATTEMPTS - 1 && retryable(response); attempt++) {
      Thread.sleep(waitBefore.apply(attempt).toMillis());
      response = call.send();
    }
    return response;
  }

  /** Resilience4j Retry with randomized exponential backoff, retrying on the response. */
  private static HttpResponse<String> resilience4j(CheckedCall call) throws Exception {
    RetryConfig config =
        RetryConfig.<HttpResponse<String>>custom()
            .maxAttempts(MAX_ATTEMPTS)
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(150), 2.0, 0.2))
            .retryOnResult(RetryingCaller::retryable)
            .build();
    return Retry.decorateCallable(Retry.of("currents", config), call::send).call();
  }

  /** Failsafe RetryPolicy whose delay is the server's Retry-After (seconds). */
  private static HttpResponse<String> failsafe(CheckedCall call) {
    RetryPolicy<HttpResponse<String>> policy =
        RetryPolicy.<HttpResponse<String>>builder()
            .handleResultIf(RetryingCaller::retryable)
            .withMaxRetries(MAX_ATTEMPTS - 1)
            .withDelayFn(
                context ->
                    Duration.ofSeconds(
                        Long.parseLong(context.getLastResult().headers().firstValue("Retry-After").orElse("1"))))
            .build();
    return Failsafe.with(policy).get(call::send);
  }

  /** Spring Retry's RetryTemplate with ExponentialBackOffPolicy; it retries on exceptions, so 429 throws. */
  private static HttpResponse<String> springRetry(CheckedCall call) throws Exception {
    return springRetry(call, new ExponentialBackOffPolicy());
  }

  /**
   * Spring Retry's ExponentialRandomBackOffPolicy: each wait is the exponential interval times a random factor in
   * [1, multiplier).
   */
  private static HttpResponse<String> springRetryRandom(CheckedCall call) throws Exception {
    return springRetry(call, new ExponentialRandomBackOffPolicy());
  }

  /** With {@code backOff} at 150 ms, x2, at most 5 s. */
  private static HttpResponse<String> springRetry(CheckedCall call, ExponentialBackOffPolicy backOff)
      throws Exception {
    backOff.setInitialInterval(150);
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(5000);
    RetryTemplate template = new RetryTemplate();
    template.setBackOffPolicy(backOff);
    template.setRetryPolicy(new SimpleRetryPolicy(MAX_ATTEMPTS));
    HttpResponse<String>[] last = newHolder();
    try {
      return template.execute(
          context -> {
            last[0] = call.send();
            if (retryable(last[0])) {
              throw new IllegalStateException("retryable status " + last[0].statusCode());
            }
            return last[0];
          });
    } catch (IllegalStateException exhausted) {
      return last[0];
    }
  }

  @SuppressWarnings("unchecked")
  private static HttpResponse<String>[] newHolder() {
    return new HttpResponse[1];
  }
}
