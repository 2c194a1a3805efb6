package dev.currents.agent.instrumentation.jersey;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.tooling.ClientInstrumentation;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The Jersey client (JAX-RS), 2.26 to 3.x. Its requests are recorded by the client underneath (its connector:
 * HttpURLConnection by default), once; what Jersey adds is a thread: an asynchronous invocation runs on Jersey's
 * executor, where the application's span is not current. So the task it makes for such a request carries that
 * span along, for the attempts the connector starts there.
 */
public final class JerseyClientInstrumentation implements ClientInstrumentation {

  private static final String CLIENT_RUNTIME = "org.glassfish.jersey.client.ClientRuntime";

  /** Not a {@code client} tag: Jersey's requests carry their connector's. */
  @Override
  public String client() {
    return "jersey-client";
  }

  @Override
  public List<String> typeNamesToHold() {
    return List.of(CLIENT_RUNTIME.replace('.', '/'));
  }

  @Override
  public AgentBuilder instrument(AgentBuilder builder) {
    return builder
        .type(named(CLIENT_RUNTIME))
        .transform(
            ClientInstrumentation.adviceFrom(AsyncTaskAdvice.class)
                .advice(
                    named("createRunnableForAsyncProcessing")
                        .and(takesArguments(2))
                        .and(takesArgument(0, named("org.glassfish.jersey.client.ClientRequest")))
                        .and(returns(Runnable.class)),
                    AsyncTaskAdvice.class.getName()));
  }
}
