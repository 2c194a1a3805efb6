package dev.currents.agent.instrumentation.asynchttpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.asynchttpclient.bootstrap.AsyncHttpClientAttempts;
import dev.currents.agent.tooling.ClientInstrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

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
public final class AsyncHttpClientInstrumentation implements ClientInstrumentation {

  private static final String REQUEST_SENDER = "org.asynchttpclient.netty.request.NettyRequestSender";
  private static final String INTERCEPTORS = "org.asynchttpclient.netty.handler.intercept.Interceptors";
  private static final String CONNECT_LISTENER = "org.asynchttpclient.netty.channel.NettyConnectListener";
  private static final String RESPONSE_FUTURE = "org.asynchttpclient.netty.NettyResponseFuture";

  @Override
  public String client() {
    return AsyncHttpClientAttempts.CLIENT;
  }

  @Override
  public List<String> typeNamesToHold() {
    List<String> woven = new ArrayList<>(List.of(REQUEST_SENDER, INTERCEPTORS, CONNECT_LISTENER, RESPONSE_FUTURE));
    woven.replaceAll(name -> name.replace('.', '/'));
    return woven;
  }

  @Override
  public AgentBuilder instrument(AgentBuilder builder) {
    SupportedVersion supported = new SupportedVersion();
    return builder
        .type(supported.of(named(REQUEST_SENDER)))
        .transform(
            ClientInstrumentation.adviceFrom(AttemptStartAdvice.class)
                .advice(
                    named("newNettyRequestAndResponseFuture").and(takesArguments(5)),
                    AttemptStartAdvice.class.getName()))
        .type(supported.of(named(INTERCEPTORS)))
        .transform(
            ClientInstrumentation.adviceFrom(ResponseAdvice.class)
                .advice(
                    named("exitAfterIntercept")
                        .and(takesArguments(6))
                        .and(takesArgument(5, named("io.netty.handler.codec.http.HttpHeaders"))),
                    ResponseAdvice.class.getName()))
        .type(supported.of(named(CONNECT_LISTENER)))
        .transform(
            ClientInstrumentation.adviceFrom(ConnectFailureAdvice.class)
                .advice(
                    named("onFailure").and(takesArguments(2)).and(takesArgument(1, Throwable.class)),
                    ConnectFailureAdvice.class.getName()))
        .type(supported.of(named(RESPONSE_FUTURE)))
        .transform(
            ClientInstrumentation.adviceFrom(AbortAdvice.class)
                .advice(
                    named("abort").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                    AbortAdvice.class.getName())
                .advice(
                    named("cancel").and(takesArguments(1)).and(takesArgument(0, boolean.class)),
                    CancelAdvice.class.getName()));
  }
}
