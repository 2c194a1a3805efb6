package dev.currents.agent.instrumentation.jetty;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.jetty.bootstrap.JettyExchanges;
import dev.currents.agent.instrumentation.jetty.bootstrap.JettyRequestHeaders;
import dev.currents.agent.tooling.ClientInstrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Jetty's {@code HttpClient}, 9.4 to 12.1. One attempt is one {@code HttpExchange}: Jetty makes one for every
 * request it sends, whichever way the application sent it (the blocking {@code send()}, {@code
 * send(CompleteListener)}, Jetty 12's {@code CompletableResponseListener}, a {@code Connection.send}), and one for
 * each hop of a followed redirect and each resend of its authentication handlers, which copy the request into a
 * new one. A request Jetty takes back from a connection that closed before sending it stays the same exchange:
 * nothing of it went on the wire.
 *
 * <p>{@code HttpExchange} is the one class whose shape has not changed from 9.4.0 to 12.1 (Jetty 12 only moved it
 * to {@code org.eclipse.jetty.client.transport}): the same constructor, {@code terminateRequest}, {@code
 * terminateResponse}, {@code notifyFailureComplete} and fields. The request-side classes ({@code HttpRequest},
 * {@code HttpConversation}, the send methods) were reorganised several times within 9.4 alone.
 */
public final class JettyHttpClientInstrumentation implements ClientInstrumentation {

  /** 9.4 to 11, then 12 on. */
  private static final String[] EXCHANGES = {
    "org.eclipse.jetty.client.HttpExchange", "org.eclipse.jetty.client.transport.HttpExchange"
  };

  private static final String[] REQUESTS = {
    "org.eclipse.jetty.client.HttpRequest", "org.eclipse.jetty.client.transport.HttpRequest"
  };

  @Override
  public String client() {
    return JettyExchanges.CLIENT;
  }

  @Override
  public List<String> typeNamesToHold() {
    List<String> woven = new ArrayList<>(List.of(EXCHANGES));
    woven.addAll(List.of(REQUESTS));
    woven.replaceAll(name -> name.replace('.', '/'));
    return woven;
  }

  @Override
  public AgentBuilder instrument(AgentBuilder builder) {
    CurrentsRequests.registerHeaderInjector(JettyExchanges.CLIENT, new JettyRequestHeaders());
    SupportedVersion supported = new SupportedVersion();
    return builder
        .type(supported.of(namedOneOf(EXCHANGES)))
        .transform(
            ClientInstrumentation.adviceFrom(ExchangeStartAdvice.class)
                .advice(isConstructor().and(takesArguments(3)), ExchangeStartAdvice.class.getName())
                .advice(
                    namedOneOf("terminateRequest", "terminateResponse").and(takesArguments(0)),
                    ExchangeEndAdvice.class.getName())
                .advice(
                    named("notifyFailureComplete").and(takesArguments(1)), ExchangeFailureAdvice.class.getName()))
        .type(supported.of(namedOneOf(REQUESTS)))
        .transform(
            ClientInstrumentation.adviceFrom(AbortAdvice.class)
                .advice(named("abort").and(takesArguments(1)), AbortAdvice.class.getName()));
  }
}
