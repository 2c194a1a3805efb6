package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import net.bytebuddy.asm.Advice;
import org.asynchttpclient.netty.NettyResponseFuture;

/**
 * Inlined into {@code NettyResponseFuture.abort(Throwable)}, where every failure of a request that AHC gives up on
 * ends: a refused connection or a connect timeout (a {@code ConnectException} around the cause), a read or request
 * timeout (a {@code TimeoutException}), a connection closed or reset with no resend left.
 */
public final class AbortAdvice {

  private AbortAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This NettyResponseFuture<?> future, @Advice.Argument(0) Throwable failure) {
    if (AsyncHttpClientAttempts.anyOpen()) {
      AsyncHttpClientAttempts.failed(future.getNettyRequest(), failure);
    }
  }
}
