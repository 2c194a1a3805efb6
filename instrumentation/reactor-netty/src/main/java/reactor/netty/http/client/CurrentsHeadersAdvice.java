package reactor.netty.http.client;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.instrumentation.netty4.NettyHeaders;
import dev.currents.agent.instrumentation.reactornetty.bootstrap.ReactorNettyAttempts;
import io.netty.handler.codec.http.HttpHeaders;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientOperations.beforeMarkSentHeaders()}, which runs right before the request's
 * headers are written, whatever sends them (a body, {@code send()}, the end of the request, a connection closing
 * before any of these): the attempt starts here, with the headers as sent, those WebClient applies at the last
 * moment included, so the backoff delay is measured to the moment the request goes out. It runs on an event
 * loop: the attempt's parent is the span kept when the request was subscribed. With propagation on,
 * {@code traceparent} is added to those headers, unless the request has one.
 */
public final class CurrentsHeadersAdvice {

  private CurrentsHeadersAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This HttpClientOperations exchange) {
    Object parent = ReactorNettyAttempts.sendsHeadersNow(exchange);
    if (parent == null) {
      return;
    }
    HttpHeaders headers = exchange.requestHeaders();
    Attempt attempt =
        ReactorNettyAttempts.start(
            exchange,
            parent,
            exchange.method().name(),
            exchange.resourceUrl(),
            headers,
            NettyHeaders.INSTANCE);
    CurrentsHeaders.propagate(attempt, headers, NettyHeaders.INSTANCE);
  }
}
