package dev.currents.agent.instrumentation.jersey;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;

/**
 * The Jersey client (JAX-RS), 2.26 to 3.x. Its requests are recorded by the client underneath (its connector:
 * HttpURLConnection by default), once; what Jersey adds is a thread: an asynchronous invocation runs on Jersey's
 * executor, where the application's span is not current. So the task it makes for such a request carries that
 * span along, for the attempts the connector starts there.
 */
public final class JerseyClientInstrumentation extends ClientInstrumentation {

  private static final String CLIENT_RUNTIME = "org.glassfish.jersey.client.ClientRuntime";

  public JerseyClientInstrumentation() {
    super("jersey-client", CLIENT_RUNTIME);
  }

  @Override
  protected void declare(Declaration declaration) {
    declaration
        .layeredOverAnotherClient()
        .hook(
            Hook.types(CLIENT_RUNTIME)
                .advise(
                    named("createRunnableForAsyncProcessing")
                        .and(takesArguments(2))
                        .and(takesArgument(0, named("org.glassfish.jersey.client.ClientRequest")))
                        .and(returns(Runnable.class)),
                    AsyncTaskAdvice.class));
  }
}
