package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import net.bytebuddy.asm.Advice;
import org.asynchttpclient.netty.NettyResponseFuture;

/**
 * Inlined into {@code NettyConnectListener.onFailure(channel, cause)}: the request's connection could not be made
 * (refused, timed out, TLS handshake failed). AHC connects again for a request that had been sent before, or
 * aborts the future with a {@code ConnectException} around {@code cause}: the attempt ends here, with the cause.
 */
public final class ConnectFailureAdvice {

  private ConnectFailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(
      @Advice.FieldValue("future") NettyResponseFuture<?> future, @Advice.Argument(1) Throwable cause) {
    if (AsyncHttpClientAttempts.anyOpen()) {
      AsyncHttpClientAttempts.failed(future.getNettyRequest(), cause);
    }
  }
}
