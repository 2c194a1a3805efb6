package reactor.netty.http.client;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.netty4.NettyHeaders;
import dev.currents.agent.instrumentation.reactornetty.bootstrap.ReactorNettyAttempts;
import io.netty.handler.codec.http.HttpResponse;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientOperations.onInboundNext}: the response's status line ends the attempt, for a
 * response handed to the application and for one Reactor Netty acts on by itself (a redirect it follows, a 401
 * its authenticator answers). An interim {@code 100 Continue} does not, nor a response Netty could not decode,
 * which fails the try instead.
 */
public final class CurrentsResponseAdvice {

  private CurrentsResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This HttpClientOperations exchange, @Advice.Argument(1) Object message) {
    if (!(message instanceof HttpResponse)) {
      return;
    }
    HttpResponse response = (HttpResponse) message;
    int status = response.status().code();
    if ((status < 200 && status != 101) || !response.decoderResult().isSuccess()) {
      return;
    }
    Attempt attempt = ReactorNettyAttempts.detach(exchange);
    if (attempt != null) {
      CurrentsRequests.end(attempt, status, response.headers(), NettyHeaders.INSTANCE);
    }
  }
}
