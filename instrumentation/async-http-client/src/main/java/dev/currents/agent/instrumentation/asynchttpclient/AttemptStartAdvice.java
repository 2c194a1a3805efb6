package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import net.bytebuddy.asm.Advice;
import org.asynchttpclient.Request;
import org.asynchttpclient.netty.NettyResponseFuture;
import org.asynchttpclient.netty.request.NettyRequest;
import org.asynchttpclient.uri.Uri;
import dev.currents.agent.instrumentation.netty4.NettyHeaders;

/**
 * Inlined into {@code NettyRequestSender.newNettyRequestAndResponseFuture(request, handler, originalFuture, proxy,
 * performConnect)}, which builds the {@code NettyRequest} of every request AHC sends: the application's (with no
 * original future, on the application's thread), each redirect hop, each answer to a challenge and each resend
 * (on the original future, on Netty's threads). The attempt starts here, before a connection is polled or opened,
 * with the headers built from the application's request; a proxy's {@code CONNECT} is not an attempt. The
 * original future's previous request, if its attempt is still open, was sent again because its connection
 * closed (with the I/O failure AHC kept in {@code pendingException}, which it clears once the resend is under
 * way) or could not be made (then nothing of it went on the wire, and the attempt goes on). With
 * propagation on, {@code traceparent} goes into those headers, which AHC writes as they are, unless the
 * application set one.
 */
public final class AttemptStartAdvice {

  private AttemptStartAdvice() {}

  /** The request the original future had before this one replaces it, or null. */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.Argument(2) NettyResponseFuture<?> original) {
    return original == null ? null : original.getNettyRequest();
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object previous,
      @Advice.Argument(0) Request request,
      @Advice.Argument(2) NettyResponseFuture<?> original,
      @Advice.Return NettyResponseFuture<?> future) {
    NettyRequest nettyRequest = future.getNettyRequest();
    Uri uri = request.getUri();
    if (!CurrentsRequests.isCurrents(uri.getScheme(), uri.getHost(), uri.getPort())) {
      return;
    }
    HttpRequest httpRequest = nettyRequest.getHttpRequest();
    String method = httpRequest.method().name();
    if ("CONNECT".equals(method)) {
      return;
    }
    HttpHeaders headers = httpRequest.headers();
    Attempt attempt =
        AsyncHttpClientAttempts.start(
            future,
            original == null,
            previous == nettyRequest ? null : previous,
            original == null ? null : original.pendingException,
            nettyRequest,
            method,
            uri.toUrl(),
            headers,
            NettyHeaders.INSTANCE);
    CurrentsHeaders.propagate(attempt, headers, NettyHeaders.INSTANCE);
  }
}
