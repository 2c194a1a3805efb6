package dev.currents.agent.instrumentation.vertxhttpclient;

import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import net.bytebuddy.asm.Advice;

/** Inlined into 4.x's {@code HttpClientImpl.doRequest(RequestOptions, PromiseInternal)}, where every request begins. */
public final class RequestPromiseAdvice {

  private RequestPromiseAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Argument(0) RequestOptions options,
      @Advice.Argument(1) Promise<HttpClientRequest> request,
      @Advice.FieldValue("options") HttpClientOptions defaults) {
    VertxRequests.INSTANCE.watch(options, defaults, request.future());
  }
}
