package dev.currents.agent.instrumentation.vertxhttpclient;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The Vert.x {@code HttpClient}, 4.1 to 5.x, and everything that sends through it: the Web Client, Mutiny's
 * wrappers, the Quarkus REST client. One attempt is one {@code HttpClientRequestImpl} whose head is written: each
 * followed redirect hop is a request of its own, over HTTP/1.1 and HTTP/2 alike (an HTTP/2 request is a stream).
 *
 * <p>Vert.x connects before it makes the request object: a connection that fails ends the request's future, and is
 * recorded there as an attempt with the request's options. The client resends nothing by itself.
 *
 * <p>4.0 is left as it is, with one debug line: its shorter {@code request(method, port, host, uri)} forms bypass
 * the request options, so a failed connection could not be seen for them.
 */
public final class VertxHttpClientInstrumentation extends ClientInstrumentation {

  static final String CLIENT = "vertx-http-client";

  private static final String CLIENT_IMPL = "io.vertx.core.http.impl.HttpClientImpl";
  private static final String REQUEST_IMPL = "io.vertx.core.http.impl.HttpClientRequestImpl";
  private static final String REQUEST_BASE = "io.vertx.core.http.impl.HttpClientRequestBase";
  private static final String REQUEST_OPTIONS = "io.vertx.core.http.RequestOptions";
  /** 4.1 to 4.5: the connection pool's endpoint. */
  private static final String SINCE_4_1 = "io/vertx/core/http/impl/SharedClientHttpStreamEndpoint";
  /** 5.0 on. */
  private static final String SINCE_5_0 = "io/vertx/core/http/HttpClientAgent";

  /** 4.x: where every form of {@code request} meets, with the promise of the request. */
  private static final ElementMatcher<MethodDescription> REQUEST_4 =
      named("doRequest").and(takesArguments(2)).and(takesArgument(0, named(REQUEST_OPTIONS)));

  /** Where every reset of a request passes with its cause: on the base class, or (4.1) on the request itself. */
  private static final ElementMatcher<MethodDescription> RESET_WITH_CAUSE =
      namedOneOf("reset", "cancel")
          .and(takesArguments(1))
          .and(takesArgument(0, Throwable.class))
          .and(not(isAbstract()));

  public VertxHttpClientInstrumentation() {
    super(CLIENT, CLIENT_IMPL, REQUEST_IMPL, REQUEST_BASE);
  }

  @Override
  protected void declare(Declaration declaration) {
    declaration
        .supportedVersions(
            new VersionCheck(
                CLIENT, "4.1", loader -> VersionCheck.sees(loader, SINCE_4_1) || VersionCheck.sees(loader, SINCE_5_0)))
        .helpers(VertxHeaders.class, ConnectionWatch.class, VertxRequests.class)
        .hook(
            Hook.types(CLIENT_IMPL)
                .advise(REQUEST_4, RequestPromiseAdvice.class)
                // 5.x: every form of request is a default method that ends here, returning the future.
                .advise(
                    named("request")
                        .and(takesArguments(1))
                        .and(takesArgument(0, named(REQUEST_OPTIONS)))
                        .and(isDeclaredBy(not(declaresMethod(REQUEST_4)))),
                    RequestFutureAdvice.class))
        .hook(
            Hook.types(REQUEST_IMPL)
                // 4.x writes with a completion handler, 5.x returns a future: one argument fewer.
                .advise(named("doWrite").and(takesArguments(4)), HeadAdvice4.class)
                .advise(named("doWrite").and(takesArguments(3)), HeadAdvice5.class)
                .advise(named("handleResponse").and(takesArguments(3)), ResponseAdvice.class)
                .advise(RESET_WITH_CAUSE, ResetCauseAdvice.class))
        .hook(
            Hook.types(REQUEST_BASE)
                // The request's own handleException passes here what the failure means (a reset for a timeout).
                .advise(named("handleException").and(takesArguments(1)), FailureAdvice.class)
                .advise(
                    isPublic()
                        .and(named("reset").and(takesArgument(0, long.class))
                            .or(named("cancel").and(takesArguments(0)))),
                    ResetAdvice.class)
                .advise(RESET_WITH_CAUSE, ResetCauseAdvice.class));
  }
}
