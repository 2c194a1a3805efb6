package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import net.bytebuddy.asm.Advice;
import org.asynchttpclient.netty.NettyResponseFuture;

/**
 * Inlined into {@code NettyResponseFuture.cancel(boolean)}: the application cancelled the request ({@code
 * ListenableFuture.cancel}). AHC closes the connection without aborting the future, so this is the attempt's end:
 * {@code cancelled}, when this call is the one that cancelled it.
 */
public final class CancelAdvice {

  private CancelAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This NettyResponseFuture<?> future, @Advice.Return boolean cancelled) {
    if (cancelled && AsyncHttpClientAttempts.anyOpen()) {
      AsyncHttpClientAttempts.cancelled(future.getNettyRequest());
    }
  }
}
