package dev.currents.agent.instrumentation.jersey;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import java.util.List;

/**
 * The Jersey client (JAX-RS), 2.26 to 3.x. Its requests are recorded by the client underneath (its connector:
 * HttpURLConnection by default), once; what Jersey adds is a thread: an asynchronous invocation runs on Jersey's
 * executor, where the application's span is not current. So the task it makes for such a request carries that
 * span along, for the attempts the connector starts there.
 */
public final class JerseyClientInstrumentation implements ClientInstrumentation {

  @Override
  public String name() {
    return "jersey-client";
  }

  /** None: Jersey's requests carry the tag of the connector's client, which records them. */
  @Override
  public String client() {
    return null;
  }

  @Override
  public List<Hook> hooks() {
    return List.of(
        Hook.types("org.glassfish.jersey.client.ClientRuntime")
            .advise(
                named("createRunnableForAsyncProcessing")
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("org.glassfish.jersey.client.ClientRequest")))
                    .and(returns(Runnable.class)),
                AsyncTaskAdvice.class));
  }
}
