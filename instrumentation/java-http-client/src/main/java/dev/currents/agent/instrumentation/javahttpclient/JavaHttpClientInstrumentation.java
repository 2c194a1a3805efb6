package dev.currents.agent.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
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

  @Override
  public String client() {
    return CLIENT;
  }

  @Override
  public List<String> typeNamesToHold() {
    return List.of("jdk/internal/net/http/HttpClientImpl");
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
                    SendAsyncAdvice.class.getName()));
  }
}
