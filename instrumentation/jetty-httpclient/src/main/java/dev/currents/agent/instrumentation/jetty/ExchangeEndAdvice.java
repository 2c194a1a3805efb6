package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.instrumentation.jetty.bootstrap.JettyExchanges;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpExchange.terminateRequest} and {@code terminateResponse}: whichever of the two finds both
 * sides terminated returns the exchange's {@code Result}, once, before Jetty notifies the listeners (the
 * application's, or the redirect and authentication handlers'). The fields have had the same names from 9.4.0
 * to 12.1.
 */
public final class ExchangeEndAdvice {

  private ExchangeEndAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Return Object result,
      @Advice.FieldValue("request") Object request,
      @Advice.FieldValue("response") Object response,
      @Advice.FieldValue("requestFailure") Throwable requestFailure,
      @Advice.FieldValue("responseFailure") Throwable responseFailure) {
    if (result != null) {
      JettyExchanges.terminated(request, response, requestFailure, responseFailure);
    }
  }
}
