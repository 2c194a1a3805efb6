package dev.currents.agent.instrumentation.jetty;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.currents.agent.testing.SupportedVersionContract;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;

/** Jetty's client 9.4 on the test class path is woven; a loader without it is left alone, "older than 9.4". */
class SupportedVersionTest extends SupportedVersionContract {

  private static final String EXCHANGE = "org.eclipse.jetty.client.HttpExchange";

  @Override
  protected AgentBuilder.RawMatcher matcher() {
    return new SupportedVersion().of(named(EXCHANGE));
  }

  @Override
  protected TypeDescription wovenType() throws Exception {
    return loaded(EXCHANGE);
  }

  @Override
  protected String oldestSupported() {
    return "9.4";
  }
}
