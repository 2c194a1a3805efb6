package dev.currents.agent.instrumentation.micronauthttpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.netty4.NettyHeaders;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;

/**
 * The Micronaut HTTP client 4.8 to 4.10 ({@code DefaultHttpClient}, on Netty), and what sends through it: the
 * blocking and reactive {@code HttpClient}, declarative {@code @Client} interfaces. One attempt is one request
 * {@code sendRawRequest0} writes on a connection (an HTTP/2 stream is one): each followed redirect hop is a request
 * of its own. Two classes are woven:
 * <ul>
 *   <li>{@code DefaultHttpClient}: {@code sendRequestWithRedirectsNoFilter}, once per hop, keeps the application's
 *       span for it and records the hop that fails before it is written (its connection refused or timed out);
 *       {@code sendRawRequest0}, on the connection's event loop, starts the attempt as the request is written;
 *   <li>{@code Http1ResponseHandler}, one per request written, for HTTP/1.1 and HTTP/2 alike: the response's head
 *       ends the attempt, a failure or a closed connection before it fails it.
 * </ul>
 * A cancelled subscription reaches the request's response flow, whose cancellation ends the attempt; Micronaut lets
 * the request run to its end. The client resends nothing by itself.
 *
 * <p>Copies before 4.8 are left as they are, with one debug line: 4.7 sends through Reactor's {@code Mono}, and the
 * releases before it through other handlers.
 */
public final class MicronautHttpClientInstrumentation extends ClientInstrumentation {

  static final String CLIENT = "micronaut-http-client";

  private static final String HTTP_CLIENT = "io.micronaut.http.client.netty.DefaultHttpClient";
  private static final String RESPONSE_HANDLER = "io.micronaut.http.client.netty.Http1ResponseHandler";
  /** New in 4.8, with the client's move from Reactor to Micronaut's own {@code ExecutionFlow}. */
  private static final String SINCE_4_8 = "io/micronaut/http/client/ClientAttributes";

  public MicronautHttpClientInstrumentation() {
    super(CLIENT, HTTP_CLIENT, RESPONSE_HANDLER);
  }

  @Override
  protected void declare(Declaration declaration) {
    declaration
        .supportedVersions(new VersionCheck(CLIENT, "4.8", loader -> VersionCheck.sees(loader, SINCE_4_8)))
        .helpers(NettyHeaders.class, MicronautHeaders.class, MicronautRequests.class)
        .hook(
            Hook.types(HTTP_CLIENT)
                .advise(
                    named("sendRequestWithRedirectsNoFilter")
                        .and(takesArguments(5))
                        .and(takesArgument(3, named("io.micronaut.http.MutableHttpRequest"))),
                    HopAdvice.class)
                .advise(
                    named("sendRawRequest0")
                        .and(takesArguments(5))
                        .and(takesArgument(3, named("io.micronaut.core.execution.DelayedExecutionFlow")))
                        .and(takesArgument(4, named("io.netty.handler.codec.http.HttpRequest"))),
                    SendAdvice.class))
        .hook(
            Hook.types(RESPONSE_HANDLER)
                .advise(named("handlerAdded").and(takesArguments(1)), HandlerAddedAdvice.class)
                .advise(named("channelReadInstrumented").and(takesArguments(2)), ReadAdvice.class)
                .advise(named("channelReadComplete").and(takesArguments(1)), ReadCompleteAdvice.class)
                .advise(
                    named("exceptionCaught").and(takesArguments(2)).or(named("channelInactive").and(takesArguments(1))),
                    FailureAdvice.class));
  }
}
