package dev.currents.agent.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.tooling.ClientInstrumentation;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code java.net.http.HttpClient}. Both {@code send} and {@code sendAsync} of the JDK's implementation go
 * through one private {@code sendAsync(request, handler, pushPromiseHandler, executor)} (JDK 11 to 25), so
 * advising that method alone records each call once, whichever public method the application used.
 */
public final class JavaHttpClientInstrumentation implements ClientInstrumentation {

  static final String CLIENT = "java-http-client";

  /** Spring's read timeout over this client, 6.1 to 7.0: see {@link SpringReadTimeoutAdvice}. */
  private static final String SPRING_TIMEOUT_HANDLER = "org.springframework.http.client.JdkClientHttpRequest$TimeoutHandler";

  @Override
  public String client() {
    return CLIENT;
  }

  @Override
  public List<String> typeNamesToHold() {
    return List.of("jdk/internal/net/http/HttpClientImpl", SPRING_TIMEOUT_HANDLER.replace('.', '/'));
  }

  @Override
  public AgentBuilder instrument(AgentBuilder builder) {
    CurrentsRequests.registerResponseReader(CLIENT, new JavaHttpResponseReader());
    CurrentsRequests.registerHeaderInjector(CLIENT, new JavaHttpRequestHeaders());
    return builder
        .type(named("jdk.internal.net.http.HttpClientImpl"))
        .transform(
            ClientInstrumentation.adviceFrom(SendAsyncAdvice.class)
                .advice(
                    named("sendAsync")
                        .and(takesArguments(4))
                        .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                    SendAsyncAdvice.class.getName()))
        // Spring's read timeout cancels the JDK client's future (SpringReadTimeoutAdvice): the lambda that does,
        // the one method of TimeoutHandler that takes the future and is synthetic.
        .type(named(SPRING_TIMEOUT_HANDLER))
        .transform(
            ClientInstrumentation.adviceFrom(SpringReadTimeoutAdvice.class)
                .advice(
                    isSynthetic()
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("java.util.concurrent.CompletableFuture")))
                        .and(returns(void.class)),
                    SpringReadTimeoutAdvice.class.getName()));
  }
}
