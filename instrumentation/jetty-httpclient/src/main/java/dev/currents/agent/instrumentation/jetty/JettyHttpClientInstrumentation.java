package dev.currents.agent.instrumentation.jetty;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.jetty.bootstrap.JettyExchanges;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;

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
public final class JettyHttpClientInstrumentation extends ClientInstrumentation {

  private static final String SINCE_9_4 = "org/eclipse/jetty/client/AbstractConnectionPool";

  private static final String[] EXCHANGES = {
    "org.eclipse.jetty.client.HttpExchange", "org.eclipse.jetty.client.transport.HttpExchange"
  };
  private static final String[] REQUESTS = {
    "org.eclipse.jetty.client.HttpRequest", "org.eclipse.jetty.client.transport.HttpRequest"
  };

  public JettyHttpClientInstrumentation() {
    super(JettyExchanges.CLIENT, EXCHANGES[0], EXCHANGES[1], REQUESTS[0], REQUESTS[1]);
  }

  /**
   * Each class in its 9.4 to 11 package, then its 12 one. Copies of Jetty's client from 9.4 on, judged once per class
   * loader by a class that 9.4 added and 12 kept ({@code AbstractConnectionPool}); 9.3 and older have an {@code
   * HttpExchange} too, but the agent was not written for them: such a copy is left as it is, with one debug line.
   */
  @Override
  protected void declare(Declaration declaration) {
    declaration
        .supportedVersions(new VersionCheck("jetty-client", "9.4", loader -> VersionCheck.sees(loader, SINCE_9_4)))
        .hook(
            Hook.types(EXCHANGES)
                .advise(isConstructor().and(takesArguments(3)), ExchangeStartAdvice.class)
                .advise(
                    namedOneOf("terminateRequest", "terminateResponse").and(takesArguments(0)), ExchangeEndAdvice.class)
                .advise(named("notifyFailureComplete").and(takesArguments(1)), ExchangeFailureAdvice.class))
        .hook(
            Hook.types(REQUESTS)
                .advise(named("abort").and(takesArguments(1)), AbortAdvice.class));
  }
}
