package dev.currents.agent.instrumentation.javahttpclient;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.javahttpclient.bootstrap.HttpClientFutures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientImpl.sendAsync}: starts the attempt and ends it when the future completes. With
 * propagation on, the request argument is replaced by a copy that carries {@code traceparent}.
 */
public final class SendAsyncAdvice {

  private SendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(@Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
    URI uri = request.uri();
    if (!CurrentsRequests.isCurrents(uri)) {
      return null;
    }
    Attempt attempt =
        CurrentsRequests.start(
            HttpClientFutures.CLIENT,
            request.method(),
            uri,
            request,
            CurrentsRequests.registeredHeaders(HttpClientFutures.CLIENT),
            null);
    request = (HttpRequest) CurrentsRequests.propagate(attempt, request);
    return attempt;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Attempt attempt,
      @Advice.Return CompletableFuture<?> future,
      @Advice.Thrown Throwable thrown) {
    if (attempt == null) {
      return;
    }
    if (thrown != null || future == null) {
      CurrentsRequests.fail(attempt, thrown);
    } else {
      future.whenComplete(HttpClientFutures.completion(attempt, future));
    }
  }
}
