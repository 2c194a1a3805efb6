package dev.currents.agent.instrumentation.vertxhttpclient;

import io.vertx.core.http.HttpClientRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the public {@code HttpClientRequest.reset(code[, cause])}, which only the request's holder calls
 * (Vert.x resets a request that times out through a private method).
 */
public final class ResetAdvice {

  private ResetAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This HttpClientRequest request,
      @Advice.Argument(value = 1, optional = true) Throwable cause) {
    VertxRequests.INSTANCE.reset(request, cause);
  }
}
