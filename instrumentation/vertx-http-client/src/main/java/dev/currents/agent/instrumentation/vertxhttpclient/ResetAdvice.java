package dev.currents.agent.instrumentation.vertxhttpclient;

import io.vertx.core.http.HttpClientRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the public {@code HttpClientRequest.reset(code[, cause])} and (5.1 on) {@code cancel()}, which only the
 * request's holder calls (Vert.x resets a request that times out through private methods).
 */
public final class ResetAdvice {

  private ResetAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This HttpClientRequest request,
      @Advice.Argument(value = 1, optional = true) Throwable cause) {
    VertxRequests.INSTANCE.reset(request, cause);
  }
}
