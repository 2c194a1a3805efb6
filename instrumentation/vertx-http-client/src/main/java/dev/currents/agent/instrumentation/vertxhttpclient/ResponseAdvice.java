package dev.currents.agent.instrumentation.vertxhttpclient;

import dev.currents.agent.bootstrap.ParentHandover;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientRequestImpl.handleResponse}: the response's head arrived. A redirect Vert.x follows
 * makes its next request inside, which then gets the attempt's parent.
 */
public final class ResponseAdvice {

  private ResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This HttpClientRequest request, @Advice.Argument(1) HttpClientResponse response) {
    return VertxRequests.INSTANCE.answer(request, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object handedOver) {
    ParentHandover.restore(handedOver);
  }
}
