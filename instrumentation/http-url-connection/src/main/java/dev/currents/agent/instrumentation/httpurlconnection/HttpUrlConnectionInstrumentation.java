package dev.currents.agent.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.httpurlconnection.bootstrap.HttpUrlConnectionAttempts;
import dev.currents.agent.tooling.ClientInstrumentation;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code HttpURLConnection} and {@code HttpsURLConnection}: the JDK's one implementation, {@code
 * sun.net.www.protocol.http.HttpURLConnection}, also serves HTTPS through a delegate. The attempt starts with
 * the first of {@code connect} ({@code plainConnect} for HTTPS), {@code getOutputStream} or
 * {@code getInputStream}, and ends when the first
 * {@code getInputStream} returns or throws: {@code getResponseCode}, {@code getHeaderField} and the other
 * response getters all go through it, so however many the application calls, in whatever order, it is one
 * attempt.
 */
public final class HttpUrlConnectionInstrumentation implements ClientInstrumentation {

  private static final String CLIENT = HttpUrlConnectionAttempts.CLIENT;
  private static final String HTTPS_DELEGATE = "sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection";

  @Override
  public String client() {
    return CLIENT;
  }

  @Override
  public List<String> typeNamesToHold() {
    return List.of("sun/net/www/protocol/http/HttpURLConnection", HTTPS_DELEGATE.replace('.', '/'));
  }

  @Override
  public AgentBuilder instrument(AgentBuilder builder) {
    CurrentsRequests.registerHeaderInjector(CLIENT, new HttpUrlConnectionHeaders());
    return builder
        .type(named("sun.net.www.protocol.http.HttpURLConnection"))
        .transform(
            ClientInstrumentation.adviceFrom(ConnectAdvice.class)
                .advice(
                    namedOneOf("connect", "getOutputStream")
                        .and(isPublic())
                        // The HTTPS delegate overrides connect(), and reaches the socket through plainConnect:
                        // without it, an application that calls connect() first (Spring's RestTemplate does)
                        // would start the attempt too late to carry traceparent.
                        .or(named("plainConnect"))
                        .and(takesArguments(0)),
                    ConnectAdvice.class.getName())
                .advice(
                    named("getInputStream").and(takesArguments(0)).and(isPublic()),
                    ResponseAdvice.class.getName()))
        .type(named(HTTPS_DELEGATE))
        .transform(
            ClientInstrumentation.adviceFrom(HttpsConnectAdvice.class)
                .advice(named("connect").and(takesArguments(0)), HttpsConnectAdvice.class.getName()));
  }
}
