package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.instrumentation.jetty.bootstrap.JettyExchanges;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code HttpExchange(HttpDestination, HttpRequest, listeners)}: Jetty makes one exchange for
 * each request it sends, before it queues it for a connection, so the attempt starts before the connect and
 * before the request's headers are written.
 */
public final class ExchangeStartAdvice {

  private ExchangeStartAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(1) Object request) {
    JettyExchanges.started(request);
  }
}
