package reactor.netty.http.client;

import dev.currents.agent.instrumentation.reactornetty.bootstrap.ReactorNettyAttempts;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientOperations.onInboundClose()}. When the subscriber cancels (WebClient's Mono
 * cancelled, {@code dispose()}, a {@code timeout()} operator), Reactor Netty cancels the exchange's inbound and
 * closes its connection, and no error reaches the handler: an attempt still open then is cancelled. A connection
 * that closes under a live exchange is an error, which the handler's {@code test} records instead.
 */
public final class CurrentsCloseAdvice {

  private CurrentsCloseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This HttpClientOperations exchange) {
    if (exchange.isInboundCancelled() || exchange.isInboundDisposed()) {
      ReactorNettyAttempts.cancelled(exchange);
    }
  }
}
