package dev.currents.agent.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.httpurlconnection.bootstrap.HttpUrlConnectionAttempts;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;

/**
 * {@code HttpURLConnection} and {@code HttpsURLConnection}: the JDK's one implementation, {@code
 * sun.net.www.protocol.http.HttpURLConnection}, also serves HTTPS through a delegate. The attempt starts with
 * the first of {@code connect} ({@code plainConnect} for HTTPS), {@code getOutputStream} or
 * {@code getInputStream}, and ends when the first
 * {@code getInputStream} returns or throws: {@code getResponseCode}, {@code getHeaderField} and the other
 * response getters all go through it, so however many the application calls, in whatever order, it is one
 * attempt.
 */
public final class HttpUrlConnectionInstrumentation extends ClientInstrumentation {

  private static final String CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";
  private static final String HTTPS_DELEGATE = "sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection";

  public HttpUrlConnectionInstrumentation() {
    super(HttpUrlConnectionAttempts.CLIENT, CONNECTION, HTTPS_DELEGATE);
  }

  /**
   * The JDK package used is where the connection keeps the headers the application set ({@code MessageHeader}):
   * the public getter hides {@code Authorization}.
   */
  @Override
  protected void declare(Declaration declaration) {
    declaration
        .usesJdkPackage("java.base/sun.net.www")
        .headerInjector(new HttpUrlConnectionHeaders())
        .hook(
            Hook.types(CONNECTION)
                .advise(
                    namedOneOf("connect", "getOutputStream")
                        .and(isPublic())
                        // The HTTPS delegate overrides connect(), and reaches the socket through plainConnect:
                        // without it, an application that calls connect() first (Spring's RestTemplate does)
                        // would start the attempt too late to carry traceparent.
                        .or(named("plainConnect"))
                        .and(takesArguments(0)),
                    ConnectAdvice.class)
                .advise(named("getInputStream").and(takesArguments(0)).and(isPublic()), ResponseAdvice.class))
        .hook(
            Hook.types(HTTPS_DELEGATE)
                .advise(named("connect").and(takesArguments(0)), HttpsConnectAdvice.class));
  }
}
