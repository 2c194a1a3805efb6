package dev.currents.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.netty4.NettyHeaders;
import dev.currents.agent.instrumentation.reactornetty.bootstrap.ReactorNettyAttempts;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;
import reactor.netty.http.client.CurrentsCloseAdvice;
import reactor.netty.http.client.CurrentsHeadersAdvice;
import reactor.netty.http.client.CurrentsRequestAdvice;
import reactor.netty.http.client.CurrentsResponseAdvice;
import reactor.netty.http.client.CurrentsTryAdvice;
import reactor.netty.http.client.CurrentsTryFailedAdvice;

/**
 * Reactor Netty's HttpClient 1.0 to 1.3, and Spring's WebClient on it. One attempt per request on the wire:
 * each try of {@code HttpClientConnect} (the first, each followed redirect, the resend after a connection reset)
 * is one. Two classes are woven:
 * <ul>
 *   <li>{@code HttpClientConnect$HttpClientHandler}, one per request: its constructor, which runs as the request
 *       is subscribed on the application's thread, keeps the application's current span as the parent of the
 *       request's attempts; {@code channel(ops)} marks a try that got
 *       its connection, {@code test(Throwable)} sees every try that failed, with or without a connection;
 *   <li>{@code HttpClientOperations}, one per try on a connection: the attempt starts as its headers go out
 *       ({@code beforeMarkSentHeaders}), ends with the status line ({@code onInboundNext}), or is cancelled when
 *       the subscriber went away ({@code onInboundClose} of a cancelled exchange).
 * </ul>
 * These members are the same from 1.0.0 to 1.3; older copies are left alone ({@link SupportedVersion}).
 */
public final class ReactorNettyInstrumentation extends ClientInstrumentation {

  private static final String SINCE_1_0 = "reactor/netty/http/client/HttpClientConfig";
  private static final String OPERATIONS = "reactor.netty.http.client.HttpClientOperations";

  private static final String HANDLER = "reactor.netty.http.client.HttpClientConnect$HttpClientHandler";

  public ReactorNettyInstrumentation() {
    super(ReactorNettyAttempts.CLIENT, HANDLER, OPERATIONS);
  }

  /**
   * Copies of Reactor Netty from 1.0 on, judged once per class loader by {@code HttpClientConfig}, which 1.0
   * introduced with the request lifecycle the advice relies on. Reactor Netty 0.9 has classes of the same names laid
   * out otherwise: it is left as it is, with one debug line.
   */
  @Override
  protected void declare(Declaration declaration) {
    declaration
        .hook(
            Hook.types(HANDLER)
                .advise(
                    isConstructor()
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("reactor.netty.http.client.HttpClientConfig"))),
                    CurrentsRequestAdvice.class)
                .advise(
                    named("channel").and(takesArguments(1)).and(takesArgument(0, named(OPERATIONS))),
                    CurrentsTryAdvice.class)
                .advise(
                    named("test").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                    CurrentsTryFailedAdvice.class))
        .hook(
            Hook.types(OPERATIONS)
                .advise(named("beforeMarkSentHeaders").and(takesArguments(0)), CurrentsHeadersAdvice.class)
                .advise(named("onInboundNext").and(takesArguments(2)), CurrentsResponseAdvice.class)
                .advise(named("onInboundClose").and(takesArguments(0)), CurrentsCloseAdvice.class))
        .helpers(NettyHeaders.class)
        .supportedVersions(new VersionCheck(name(), "1.0", loader -> VersionCheck.sees(loader, SINCE_1_0)));
  }
}
