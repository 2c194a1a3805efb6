package dev.currents.agent.instrumentation.apachehttpclient4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;

/**
 * Apache HttpClient 4.5 (classic). Its exec chain is, from the outside in, {@code ServiceUnavailableRetryExec}
 * (when configured), {@code RedirectExec}, {@code RetryExec}, {@code ProtocolExec}, {@code MainClientExec}: the
 * last one leases and connects the connection and sends one request, so every attempt passes it once, each
 * followed redirect hop and each resend by the retry handlers included, and a refused connection or a connect
 * timeout fails there too. Each copy of HttpClient, in whatever class loader, is woven on its own.
 *
 * <p>{@code MinimalClientExec} ({@code HttpClients.createMinimal()}) is not woven. Copies older than 4.5 are
 * left as they are, with one debug line: 4.3 and 4.4 have the same {@code MainClientExec} but are not tested, and
 * before 4.3 there is no exec chain.
 */
public final class ApacheHttpClient4Instrumentation extends ClientInstrumentation {

  static final String CLIENT = "apache-httpclient-4";
  /** The RFC 6265 cookie policy, new in 4.5. */
  private static final String SINCE_4_5 = "org/apache/http/impl/cookie/RFC6265CookieSpec";

  private static final String MAIN_CLIENT_EXEC = "org.apache.http.impl.execchain.MainClientExec";

  public ApacheHttpClient4Instrumentation() {
    super(CLIENT, MAIN_CLIENT_EXEC);
  }

  /** 4.5 on; an older copy gets its debug line when its {@code HttpRequestBase}, which every request is, loads. */
  @Override
  protected void declare(Declaration declaration) {
    declaration
        .supportedVersions(
            new VersionCheck(
                CLIENT,
                "4.5",
                loader -> VersionCheck.sees(loader, SINCE_4_5),
                "org.apache.http.client.methods.HttpRequestBase"))
        .helpers(HttpClient4Messages.class, HttpClient4Attempts.class)
        .hook(
            Hook.types(MAIN_CLIENT_EXEC)
                .advise(
                    named("execute")
                        .and(takesArguments(4))
                        .and(takesArgument(0, named("org.apache.http.conn.routing.HttpRoute")))
                        .and(takesArgument(1, named("org.apache.http.client.methods.HttpRequestWrapper"))),
                    MainClientExecAdvice.class));
  }
}
