package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import io.netty.channel.Channel;
import net.bytebuddy.asm.Advice;
import org.asynchttpclient.netty.NettyResponseFuture;
import org.asynchttpclient.netty.channel.Channels;

/**
 * Inlined into {@code NettyRequestSender.handleUnexpectedClosedChannel(channel, future)}: the connection of a
 * request still under way closed, reset or closed by the server. AHC then sends the request again on another
 * connection ({@code maxRequestRetry}, 5 by default, idempotent or not) or aborts the future with the same
 * failure: either way the attempt ends here, with the I/O failure AHC kept ({@code pendingException}), before
 * the resend starts. The conditions are AHC's own.
 */
public final class ClosedChannelAdvice {

  private ClosedChannelAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(0) Channel channel, @Advice.Argument(1) NettyResponseFuture<?> future) {
    if (AsyncHttpClientAttempts.anyOpen() && Channels.isActiveTokenSet(channel) && !future.isDone()) {
      AsyncHttpClientAttempts.failed(future.getNettyRequest(), future.pendingException);
    }
  }
}
