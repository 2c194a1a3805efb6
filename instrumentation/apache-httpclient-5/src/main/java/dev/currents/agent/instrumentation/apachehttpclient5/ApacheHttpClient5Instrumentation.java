package dev.currents.agent.instrumentation.apachehttpclient5;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.apachehttpclient5.bootstrap.HttpClient5Attempts;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;

/**
 * Apache HttpClient 5.x, classic and async. Both exec chains are, from the outside in, redirects, (compression,)
 * retries ({@code HttpRequestRetryExec}, which also resends 429 and 503 after their {@code Retry-After}),
 * protocol, connect, main: the connect element ({@code ConnectExec}, {@code AsyncConnectExec}) runs once per
 * attempt, each followed redirect hop and each resend included, and sees a refused connection or a connect
 * timeout as well as the response, so it is where an attempt starts.
 *
 * <p>The classic attempt ends when {@code ConnectExec.execute} returns or throws. The async one ends on the I/O
 * reactor thread, when the exec callback handed to {@code AsyncConnectExec} gets the response head or the
 * failure ({@code Future.cancel} reaches it as an {@code InterruptedIOException}): that callback is the protocol
 * element's, an anonymous class, so every exec callback of HttpClient is woven and looks itself up.
 *
 * <p>Not woven: the HTTP/2-only client ({@code H2AsyncMainClientExec}, no connect element) and the minimal
 * clients, which have no exec chain.
 */
public final class ApacheHttpClient5Instrumentation extends ClientInstrumentation {

  private static final String ASYNC_EXEC_CALLBACK = "org.apache.hc.client5.http.async.AsyncExecCallback";

  private static final String CONNECT_EXEC = "org.apache.hc.client5.http.impl.classic.ConnectExec";
  private static final String ASYNC_PACKAGE = "org.apache.hc.client5.http.impl.async";

  public ApacheHttpClient5Instrumentation() {
    super(HttpClient5Attempts.CLIENT, CONNECT_EXEC, ASYNC_PACKAGE + '.');
  }

  /**
   * The async package is held whole while the agent starts: an attempt started in a woven {@code AsyncConnectExec}
   * ends only in a woven exec callback, and the callbacks that end them are anonymous classes of that package.
   */
  @Override
  protected void declare(Declaration declaration) {
    declaration
        .helpers(HttpClient5Messages.class, HttpClient5Requests.class)
        .hook(
            Hook.types(CONNECT_EXEC)
                .advise(
                    named("execute")
                        .and(takesArguments(3))
                        .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest"))),
                    ClassicAttemptAdvice.class))
        .hook(
            Hook.types(ASYNC_PACKAGE + ".AsyncConnectExec")
                .advise(
                    named("execute").and(takesArguments(5)).and(takesArgument(4, named(ASYNC_EXEC_CALLBACK))),
                    AsyncAttemptAdvice.class))
        .hook(
            Hook.typesIn(
                    ASYNC_PACKAGE,
                    nameStartsWith("org.apache.hc.client5.")
                        .and(not(isAbstract()))
                        .and(hasSuperType(named(ASYNC_EXEC_CALLBACK))))
                .advise(
                    named("handleResponse").and(takesArguments(2)).and(not(isAbstract())), AsyncResponseAdvice.class)
                .advise(
                    named("failed")
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("java.lang.Exception")))
                        .and(not(isAbstract())),
                    AsyncFailureAdvice.class));
  }
}
