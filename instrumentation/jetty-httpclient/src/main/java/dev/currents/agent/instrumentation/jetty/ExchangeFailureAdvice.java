package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.instrumentation.jetty.bootstrap.JettyExchanges;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpExchange.notifyFailureComplete}, the end of an exchange that failed while no connection
 * had it: still queued (a refused connection, a connect timeout, a request timeout, an abort) or not yet
 * associated. Such an exchange never reaches {@code terminateRequest} or {@code terminateResponse}.
 */
public final class ExchangeFailureAdvice {

  private ExchangeFailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.FieldValue("request") Object request, @Advice.Argument(0) Throwable failure) {
    JettyExchanges.failed(request, failure);
  }
}
