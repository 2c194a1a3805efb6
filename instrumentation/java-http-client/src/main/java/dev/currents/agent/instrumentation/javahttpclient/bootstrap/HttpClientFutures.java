package dev.currents.agent.instrumentation.javahttpclient.bootstrap;

import dev.currents.agent.bootstrap.AgentErrors;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.ResponseReader;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.util.function.BiConsumer;

/**
 * The end of a {@code java.net.http} attempt, when the future of its {@code sendAsync} completes: with the response,
 * read through the reader the instrumentation registered (neither the advice nor the bootstrap loader can name its
 * type), or with the failure.
 *
 * <p>A layer above the client may cancel that future on a deadline of its own and throw its caller something
 * else: Spring's {@code JdkClientHttpRequest} cancels it on its read timeout and throws an {@code
 * HttpTimeoutException}. The attempt, which the client ends with a cancellation, perhaps on another thread, then
 * fails with what the layer throws: a timeout, not a cancellation by the caller.
 */
public final class HttpClientFutures {

  public static final String CLIENT = "java-http-client";

  /** Futures a layer above is cancelling on its own deadline, with what the layer throws instead. */
  private static final WeakIdentityMap<Object, Throwable> DEADLINES = new WeakIdentityMap<>();

  private HttpClientFutures() {}

  /** The callback that ends {@code attempt} when {@code future}, its {@code sendAsync}'s, completes. */
  public static BiConsumer<Object, Throwable> completion(Attempt attempt, Object future) {
    return new Completion(attempt, future);
  }

  /** A layer above is cancelling {@code future} because its own deadline passed, and throws {@code asSeen}. */
  public static void cancelsOnDeadline(Object future, Throwable asSeen) {
    DEADLINES.put(future, asSeen);
  }

  private static final class Completion implements BiConsumer<Object, Throwable> {
    private final Attempt attempt;
    private final Object future;

    Completion(Attempt attempt, Object future) {
      this.attempt = attempt;
      this.future = future;
    }

    @Override
    public void accept(Object response, Throwable failure) {
      ResponseReader<Object> reader = CurrentsRequests.registeredResponses(attempt.client());
      if (failure != null || response == null || reader == null) {
        Throwable deadline = failure == null || DEADLINES.isEmpty() ? null : DEADLINES.remove(future);
        CurrentsRequests.fail(attempt, deadline == null ? failure : deadline);
        return;
      }
      int status;
      try {
        status = reader.status(response);
      } catch (Throwable t) {
        AgentErrors.report("reading a response", t);
        return;
      }
      CurrentsRequests.end(attempt, status, response, reader);
    }
  }
}
