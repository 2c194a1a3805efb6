package dev.currents.agent.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.javahttpclient.bootstrap.HttpClientFutures;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;

/**
 * {@code java.net.http.HttpClient}. Both {@code send} and {@code sendAsync} of the JDK's implementation go
 * through one private {@code sendAsync(request, handler, pushPromiseHandler, executor)} (JDK 11 to 25), so
 * advising that method alone records each call once, whichever public method the application used.
 */
public final class JavaHttpClientInstrumentation extends ClientInstrumentation {

  private static final String CLIENT_IMPL = "jdk.internal.net.http.HttpClientImpl";
  /** Spring's read timeout over this client, 6.1 to 7.0: see {@link SpringReadTimeoutAdvice}. */
  private static final String SPRING_TIMEOUT_HANDLER = "org.springframework.http.client.JdkClientHttpRequest$TimeoutHandler";

  public JavaHttpClientInstrumentation() {
    super(HttpClientFutures.CLIENT, CLIENT_IMPL, SPRING_TIMEOUT_HANDLER);
  }

  @Override
  protected void declare(Declaration declaration) {
    declaration
        .headerInjector(new JavaHttpRequestHeaders())
        .responseReader(new JavaHttpResponseReader())
        .hook(
            Hook.types(CLIENT_IMPL)
                .advise(
                    named("sendAsync")
                        .and(takesArguments(4))
                        .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                    SendAsyncAdvice.class))
        // Spring's read timeout over this client, 6.1 to 7.0, cancels the JDK client's future
        // (SpringReadTimeoutAdvice): the lambda that does, the one synthetic method of its TimeoutHandler that
        // takes the future.
        .hook(
            Hook.types(SPRING_TIMEOUT_HANDLER)
                .advise(
                    isSynthetic()
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("java.util.concurrent.CompletableFuture")))
                        .and(returns(void.class)),
                    SpringReadTimeoutAdvice.class));
  }
}
