package reactor.netty.http.client;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.reactornetty.bootstrap.ReactorNettyAttempts;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientHandler.channel(HttpClientOperations)}, which Reactor Netty calls once per try
 * when the try's connection is ready, before the request is prepared: a try of a Currents request is noted, so
 * that its attempt starts when its headers go out.
 */
public final class CurrentsTryAdvice {

  private CurrentsTryAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.This Object handler,
      @Advice.FieldValue("toURI") UriEndpoint target,
      @Advice.Argument(0) HttpClientOperations exchange) {
    if (CurrentsRequests.isCurrents(target.scheme, target.host, target.port)) {
      ReactorNettyAttempts.connected(handler, exchange);
    }
  }
}
