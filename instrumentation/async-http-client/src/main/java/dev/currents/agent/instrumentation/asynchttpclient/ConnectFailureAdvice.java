package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import net.bytebuddy.asm.Advice;
import org.asynchttpclient.netty.NettyResponseFuture;

/**
 * Inlined into {@code NettyConnectListener.onFailure(channel, cause)}: the request's connection could not be made
 * (refused, timed out, TLS handshake failed). AHC either aborts the future with a {@code ConnectException} around
 * {@code cause}, which ends the attempt, or sends the request again on a new connection (3.0 does so after a
 * refused connection, up to {@code maxRequestRetry} times): nothing of it went on the wire, so the attempt goes on
 * with the next {@code NettyRequest}, as Jetty's exchange does when it takes a request back from a connection.
 */
public final class ConnectFailureAdvice {

  private ConnectFailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(
      @Advice.FieldValue("future") NettyResponseFuture<?> future) {
    if (AsyncHttpClientAttempts.anyOpen()) {
      AsyncHttpClientAttempts.connectFailed(future.getNettyRequest());
    }
  }
}
