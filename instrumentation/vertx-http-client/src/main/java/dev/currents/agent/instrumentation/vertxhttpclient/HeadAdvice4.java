package dev.currents.agent.instrumentation.vertxhttpclient;

import dev.currents.agent.bootstrap.CurrentsRequests;
import io.vertx.core.http.HttpClientRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into 4.x's {@code HttpClientRequestImpl.doWrite}, which every write, end and {@code sendHead} pass: the
 * first writes the head, after the application set its headers, and starts the attempt.
 */
public final class HeadAdvice4 {

  private HeadAdvice4() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(
      @Advice.This HttpClientRequest request,
      @Advice.FieldValue("headWritten") boolean headWritten,
      @Advice.FieldValue("ssl") boolean ssl) {
    if (!headWritten && CurrentsRequests.isCurrents(ssl ? "https" : "http", request.getHost(), request.getPort())) {
      VertxRequests.INSTANCE.headWritten(request, ssl ? "https" : "http", request.getHost(), request.getPort());
    }
  }
}
