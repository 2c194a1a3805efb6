package dev.currents.agent.instrumentation.vertxhttpclient;

import io.vertx.core.http.HttpClientRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientRequestBase.handleException}: the request failed (its connection closed or reset,
 * its stream reset by the server, its timeout passed). After the response, it ends nothing.
 */
public final class FailureAdvice {

  private FailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This HttpClientRequest request, @Advice.Argument(0) Throwable failure) {
    VertxRequests.INSTANCE.fail(request, failure);
  }
}
