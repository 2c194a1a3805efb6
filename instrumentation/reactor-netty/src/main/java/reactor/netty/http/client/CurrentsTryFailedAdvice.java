package reactor.netty.http.client;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.netty4.NettyHeaders;
import dev.currents.agent.instrumentation.reactornetty.bootstrap.ReactorNettyAttempts;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientHandler.test(Throwable)}, which every failed try of a request passes, to decide
 * whether Reactor Netty tries again (a redirect to follow, a connection reset it resends after once). Before it
 * decides, and before a redirect changes the handler's target:
 * <ul>
 *   <li>a try whose attempt started ends with the failure, unless its response ended it already (a redirect);
 *   <li>a try that failed before its headers went out (no connection: refused, connect timeout, TLS; or a
 *       connection closed before the request was written) is an attempt too, started and ended now, with the
 *       handler's URL, method and the headers known so far.
 * </ul>
 */
public final class CurrentsTryFailedAdvice {

  private CurrentsTryFailedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(
      @Advice.This Object handler,
      @Advice.FieldValue("toURI") UriEndpoint target,
      @Advice.FieldValue("method") HttpMethod method,
      @Advice.FieldValue("defaultHeaders") HttpHeaders defaultHeaders,
      @Advice.Argument(0) Throwable failure) {
    if (!CurrentsRequests.isCurrents(target.scheme, target.host, target.port)) {
      return;
    }
    Object exchange = ReactorNettyAttempts.tryFailed(handler);
    if (exchange != null && ReactorNettyAttempts.failStarted(exchange, failure)) {
      return;
    }
    HttpHeaders headers =
        exchange != null ? ((HttpClientOperations) exchange).requestHeaders() : defaultHeaders;
    ReactorNettyAttempts.failedUnstarted(
        handler,
        method.name(),
        target.toString(),
        headers,
        NettyHeaders.INSTANCE,
        failure);
  }
}
