package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.instrumentation.jetty.bootstrap.JettyExchanges;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpRequest.abort(Throwable)}. Only the first abort of a request counts: it is the one whose
 * cause fails the exchange ({@code aborted} is the request's {@code AtomicReference} of that cause, in every
 * version).
 */
public final class AbortAdvice {

  private AbortAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object request, @Advice.FieldValue("aborted") AtomicReference<?> aborted) {
    if (aborted.get() == null) {
      JettyExchanges.aborting(request);
    }
  }
}
