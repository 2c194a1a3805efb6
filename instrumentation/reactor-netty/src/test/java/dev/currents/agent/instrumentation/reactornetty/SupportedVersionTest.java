package dev.currents.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.currents.agent.testing.SupportedVersionContract;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;

/** Reactor Netty 1.0 on the test class path is woven; a loader without it is left alone, "older than 1.0". */
class SupportedVersionTest extends SupportedVersionContract {

  private static final String OPERATIONS = "reactor.netty.http.client.HttpClientOperations";

  @Override
  protected AgentBuilder.RawMatcher matcher() {
    return new SupportedVersion().of(named(OPERATIONS));
  }

  /** Described by name: the class is package-private. */
  @Override
  protected TypeDescription wovenType() {
    return describedByName(OPERATIONS);
  }

  @Override
  protected String oldestSupported() {
    return "1.0";
  }
}
