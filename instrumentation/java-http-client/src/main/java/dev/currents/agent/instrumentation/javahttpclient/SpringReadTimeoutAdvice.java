package dev.currents.agent.instrumentation.javahttpclient;

import dev.currents.agent.instrumentation.javahttpclient.bootstrap.HttpClientFutures;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the task that Spring's {@code JdkClientHttpRequest$TimeoutHandler} (6.1 to 7.0) runs when its
 * read timeout passes: it cancels the JDK client's future, and Spring throws an {@code HttpTimeoutException} to
 * the application. The JDK ends the exchange with a cancellation, on a thread of its own; this advice tells the
 * bridge beforehand that the cancellation is that timeout ({@link SendAsyncAdvice} hands it the future).
 */
public final class SpringReadTimeoutAdvice {

  private SpringReadTimeoutAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) CompletableFuture<?> future) {
    if (!future.isDone()) {
      // The class of the exception Spring throws; its message is of no use to the agent.
      HttpClientFutures.cancelsOnDeadline(future, new HttpTimeoutException(null));
    }
  }
}
