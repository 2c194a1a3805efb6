package dev.currents.agent.instrumentation.asynchttpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;
import dev.currents.agent.instrumentation.netty4.NettyHeaders;

/**
 * AsyncHttpClient ({@code org.asynchttpclient}) 2.1 to 3.0, blocking on its future or with a handler. One attempt
 * per {@code NettyRequest}, the request AHC writes: the application's, each followed redirect, each answer to a
 * challenge, each resend after a closed connection (AHC resends up to {@code maxRequestRetry} times by itself).
 * Four classes are woven, whose woven members have kept their signatures from 2.1.0 to 3.0:
 * <ul>
 *   <li>{@code NettyRequestSender.newNettyRequestAndResponseFuture}: starts the attempt of each request it builds,
 *       and ends the previous request's if AHC sends it again because its connection closed;
 *   <li>{@code Interceptors.exitAfterIntercept}: the response ends it;
 *   <li>{@code NettyConnectListener.onFailure}: a failed connection, after which the attempt goes on with the
 *       request AHC sends on the next connection, if it tries one;
 *   <li>{@code NettyResponseFuture}: {@code abort} ends it with the failure AHC gives up on, {@code cancel} as
 *       cancelled.
 * </ul>
 * The advice only reads getters and fields that change nothing: some of AHC's checks are not (its {@code
 * Channels.isActiveTokenSet} consumes the token it reads, and calling it would leave a closed connection's request
 * hanging). Older copies are left alone ({@link SupportedVersion}).
 */
public final class AsyncHttpClientInstrumentation extends ClientInstrumentation {

  private static final String SINCE_2_1 = "org/asynchttpclient/cookie/CookieStore";

  private static final String REQUEST_SENDER = "org.asynchttpclient.netty.request.NettyRequestSender";
  private static final String INTERCEPTORS = "org.asynchttpclient.netty.handler.intercept.Interceptors";
  private static final String CONNECT_LISTENER = "org.asynchttpclient.netty.channel.NettyConnectListener";
  private static final String RESPONSE_FUTURE = "org.asynchttpclient.netty.NettyResponseFuture";

  public AsyncHttpClientInstrumentation() {
    super(AsyncHttpClientAttempts.CLIENT, REQUEST_SENDER, INTERCEPTORS, CONNECT_LISTENER, RESPONSE_FUTURE);
  }

  /**
   * Copies of AsyncHttpClient from 2.1 on, judged once per class loader by a class that 2.1 added and 3.0 kept
   * ({@code cookie.CookieStore}). 2.0 has the classes the agent weaves, but its interceptors take AHC's own {@code
   * HttpResponseHeaders}, which 2.1 replaced with Netty's: such a copy is left as it is, with one debug line.
   */
  @Override
  protected void declare(Declaration declaration) {
    declaration
        .supportedVersions(new VersionCheck(name(), "2.1", loader -> VersionCheck.sees(loader, SINCE_2_1)))
        .helpers(NettyHeaders.class)
        .hook(
            Hook.types(REQUEST_SENDER)
                .advise(named("newNettyRequestAndResponseFuture").and(takesArguments(5)), AttemptStartAdvice.class))
        .hook(
            Hook.types(INTERCEPTORS)
                .advise(
                    named("exitAfterIntercept")
                        .and(takesArguments(6))
                        .and(takesArgument(5, named("io.netty.handler.codec.http.HttpHeaders"))),
                    ResponseAdvice.class))
        .hook(
            Hook.types(CONNECT_LISTENER)
                .advise(
                    named("onFailure").and(takesArguments(2)).and(takesArgument(1, Throwable.class)),
                    ConnectFailureAdvice.class))
        .hook(
            Hook.types(RESPONSE_FUTURE)
                .advise(
                    named("abort").and(takesArguments(1)).and(takesArgument(0, Throwable.class)), AbortAdvice.class)
                .advise(
                    named("cancel").and(takesArguments(1)).and(takesArgument(0, boolean.class)), CancelAdvice.class));
  }
}
