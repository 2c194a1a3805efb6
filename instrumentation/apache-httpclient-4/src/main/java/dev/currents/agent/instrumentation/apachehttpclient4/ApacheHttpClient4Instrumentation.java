package dev.currents.agent.instrumentation.apachehttpclient4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.VersionCheck;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

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
public final class ApacheHttpClient4Instrumentation implements ClientInstrumentation {

  static final String CLIENT = "apache-httpclient-4";
  private static final String MAIN_CLIENT_EXEC = "org.apache.http.impl.execchain.MainClientExec";
  /** What every request of every HttpClient 4 is made of. */
  private static final String HTTP_REQUEST_BASE = "org.apache.http.client.methods.HttpRequestBase";
  /** The RFC 6265 cookie policy, new in 4.5. */
  private static final String SINCE_4_5 = "org/apache/http/impl/cookie/RFC6265CookieSpec";

  @Override
  public String client() {
    return CLIENT;
  }

  @Override
  public List<String> typeNamesToHold() {
    return List.of(MAIN_CLIENT_EXEC.replace('.', '/'));
  }

  @Override
  public AgentBuilder instrument(AgentBuilder builder) {
    VersionCheck since45 = new VersionCheck(CLIENT, "4.5", loader -> VersionCheck.sees(loader, SINCE_4_5));
    return builder
        .type(since45.of(named(MAIN_CLIENT_EXEC)))
        .transform(
            ClientInstrumentation.adviceFrom(MainClientExecAdvice.class)
                .advice(
                    named("execute")
                        .and(takesArguments(4))
                        .and(takesArgument(0, named("org.apache.http.conn.routing.HttpRoute")))
                        .and(takesArgument(1, named("org.apache.http.client.methods.HttpRequestWrapper"))),
                    MainClientExecAdvice.class.getName()))
        // Only for the debug line of a version older than 4.5, however old: nothing is woven there.
        .type(since45.judgedOn(named(HTTP_REQUEST_BASE)))
        .transform((woven, type, loader, module, domain) -> woven);
  }
}
