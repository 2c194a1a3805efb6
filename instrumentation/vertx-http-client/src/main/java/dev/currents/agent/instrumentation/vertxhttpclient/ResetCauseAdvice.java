package dev.currents.agent.instrumentation.vertxhttpclient;

import io.vertx.core.http.HttpClientRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the private {@code reset(Throwable)} (4.x, 5.0) or {@code cancel(Throwable)} (5.1 on) through which
 * a request's holder and its own timeout reset it. Over HTTP/2 the reset stream then fails the request with a
 * {@code StreamResetException}, which no longer says why.
 */
public final class ResetCauseAdvice {

  private ResetCauseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This HttpClientRequest request, @Advice.Argument(0) Throwable cause) {
    VertxRequests.INSTANCE.reset(request, cause);
  }
}
