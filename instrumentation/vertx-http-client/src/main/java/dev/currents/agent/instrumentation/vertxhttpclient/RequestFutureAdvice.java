package dev.currents.agent.instrumentation.vertxhttpclient;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into 5.x's {@code HttpClientImpl.request(RequestOptions)}, where every request begins; its future is
 * watched before the caller gets it, so before the caller can write the request. The client's default host and
 * port are private to each 5.x version.
 */
public final class RequestFutureAdvice {

  private RequestFutureAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Argument(0) RequestOptions options,
      @Advice.Return Future<HttpClientRequest> request) {
    VertxRequests.INSTANCE.watch(options, null, request);
  }
}
