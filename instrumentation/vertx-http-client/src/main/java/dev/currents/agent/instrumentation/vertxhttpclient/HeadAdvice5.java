package dev.currents.agent.instrumentation.vertxhttpclient;

import io.vertx.core.http.HttpClientRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into 5.x's {@code HttpClientRequestImpl.doWrite}, which every write, end and {@code sendHead} pass: the
 * first one of a request to a Currents host starts its attempt. Whether it goes to one, its connection's watch
 * tells: 5.x keeps the target private.
 */
public final class HeadAdvice5 {

  private HeadAdvice5() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This HttpClientRequest request) {
    VertxRequests.INSTANCE.headWritten(request);
  }
}
