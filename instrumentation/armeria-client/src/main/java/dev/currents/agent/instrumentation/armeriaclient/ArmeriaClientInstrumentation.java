package dev.currents.agent.instrumentation.armeriaclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;

/**
 * Armeria's client 1.21 to 1.37: {@code WebClient} and every client built on it, over HTTP/1.1 and HTTP/2. One class
 * is woven, {@code HttpClientDelegate}, the innermost client under every decorator, whose {@code execute} Armeria
 * calls once for each request it sends: the first, each retry of a {@code RetryingClient} and each redirect hop
 * each come with a context of their own, and are one attempt each. The attempt ends with what the context's
 * {@code RequestLog} learns first: the response's head, or why there is none (a refused or timed-out connection,
 * the response timeout, the caller's cancellation).
 *
 * <p>Copies before 1.21 are left as they are, with one debug line: they keep no default headers in the request's
 * context, where the credential the client was built with is.
 */
public final class ArmeriaClientInstrumentation extends ClientInstrumentation {

  static final String CLIENT = "armeria-client";

  private static final String DELEGATE = "com.linecorp.armeria.client.HttpClientDelegate";
  /** New in 1.21, with {@code ClientRequestContext.defaultRequestHeaders()}. */
  private static final String SINCE_1_21 = "com/linecorp/armeria/client/circuitbreaker/CircuitBreakerClientHandler";

  public ArmeriaClientInstrumentation() {
    super(CLIENT, DELEGATE);
  }

  @Override
  protected void declare(Declaration declaration) {
    declaration
        .supportedVersions(new VersionCheck(CLIENT, "1.21", loader -> VersionCheck.sees(loader, SINCE_1_21)))
        .helpers(ArmeriaHeaders.class, ArmeriaRequests.class)
        .hook(
            Hook.types(DELEGATE)
                .advise(
                    named("execute")
                        .and(takesArguments(2))
                        .and(takesArgument(0, named("com.linecorp.armeria.client.ClientRequestContext"))),
                    ExecuteAdvice.class));
  }
}
