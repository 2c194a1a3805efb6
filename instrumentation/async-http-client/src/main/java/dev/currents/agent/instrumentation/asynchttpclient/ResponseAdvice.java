package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import net.bytebuddy.asm.Advice;
import org.asynchttpclient.netty.NettyResponseFuture;
import dev.currents.agent.instrumentation.netty4.NettyHeaders;

/**
 * Inlined into {@code Interceptors.exitAfterIntercept}, which every response's status line and headers pass (HTTP/1
 * and, from 3.0.8, HTTP/2) before AHC acts on it by itself (a redirect it follows, a challenge it answers) or hands
 * it to the application: the response ends its attempt. An interim {@code 100 Continue} does not; the {@code 200}
 * of a proxy's {@code CONNECT} has no attempt.
 */
public final class ResponseAdvice {

  private ResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(
      @Advice.Argument(1) NettyResponseFuture<?> future,
      @Advice.Argument(3) HttpResponse response,
      @Advice.Argument(5) HttpHeaders headers) {
    if (!AsyncHttpClientAttempts.anyOpen()) {
      return;
    }
    int status = response.status().code();
    if (status >= 200 || status == 101) {
      AsyncHttpClientAttempts.responded(future.getNettyRequest(), status, headers, NettyHeaders.INSTANCE);
    }
  }
}
