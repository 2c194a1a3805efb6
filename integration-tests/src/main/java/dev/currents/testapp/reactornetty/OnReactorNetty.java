package dev.currents.testapp.reactornetty;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * An adapter of a client that sends through Reactor Netty ({@link ReactorNettyClients}): Reactor Netty itself,
 * or WebClient on it. The call is a {@code Mono} of the status, which the adapter runs as an application does:
 * <ul>
 *   <li>blocking, {@code block()} on the caller's thread; {@code cancelAfterMs} is a {@code timeout()} operator,
 *       which cancels the request and fails with a {@code TimeoutException};
 *   <li>asynchronous, {@code subscribe} with callbacks, which run on a Netty event loop; {@code cancelAfterMs}
 *       disposes of the subscription from another thread, which cancels the request without any callback.
 * </ul>
 */
public abstract class OnReactorNetty implements ClientAdapter, AutoCloseable {

  private final boolean async;

  protected OnReactorNetty(boolean async) {
    this.async = async;
  }

  /** The call's status, once subscribed; a 4xx or 5xx is a status too, not an error. */
  protected abstract Mono<Integer> status(Call call);

  @Override
  public final int execute(Call call) throws Exception {
    Mono<Integer> status = call.retries > 0 ? retried(status(call), call) : status(call);
    return async ? subscribe(status, call) : block(status, call);
  }

  /**
   * {@code retries}: a 5xx is retried with Reactor's {@code retryWhen} after a fixed delay, as WebClient
   * applications do, or with {@code retryBackoff} a 429 or 5xx with {@code Retry.backoff}, Reactor's jittered
   * exponential backoff; each retry subscribes again, which sends the request again. The last status is the
   * answer.
   */
  private static Mono<Integer> retried(Mono<Integer> status, Call call) {
    Retry retry =
        call.retryBackoff
            ? Retry.backoff(call.retries, call.retryDelay).filter(ServerError.class::isInstance)
            : Retry.fixedDelay(call.retries, call.retryDelay).filter(ServerError.class::isInstance);
    return status
        .flatMap(
            code ->
                code >= 500 || (call.retryBackoff && code == 429)
                    ? Mono.<Integer>error(new ServerError(code))
                    : Mono.just(code))
        .retryWhen(retry)
        .onErrorResume(Exceptions::isRetryExhausted, exhausted -> Mono.just(((ServerError) exhausted.getCause()).status));
  }

  /** A 5xx (or a 429 with {@code retryBackoff}), as an error for {@code retryWhen}. */
  private static final class ServerError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ServerError(int status) {
      super("status " + status, null, false, false);
      this.status = status;
    }
  }

  private static int block(Mono<Integer> status, Call call) throws Exception {
    if (call.cancelAfter != null) {
      status = status.timeout(call.cancelAfter);
    }
    try {
      return status.block();
    } catch (RuntimeException e) {
      throw ReactorNettyClients.unwrapped(e);
    }
  }

  private static int subscribe(Mono<Integer> status, Call call) throws Exception {
    CompletableFuture<Integer> outcome = new CompletableFuture<>();
    Disposable subscription =
        status.subscribe(
            outcome::complete, failure -> outcome.completeExceptionally(ReactorNettyClients.unwrapped(failure)));
    return Cancellation.awaitSubscription(outcome, call, subscription::dispose);
  }

  /** Closes the pooled connections, as an application does when it stops. */
  @Override
  public final void close() {
    ReactorNettyClients.shutDown();
  }
}
