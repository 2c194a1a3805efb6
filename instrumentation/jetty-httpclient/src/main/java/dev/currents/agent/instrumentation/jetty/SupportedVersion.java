package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.tooling.VersionCheck;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which copies of Jetty's client the agent weaves: 9.4 and later, judged once per class loader by a class that
 * 9.4 added and 12 kept ({@code AbstractConnectionPool}). 9.3 and older have an {@code HttpExchange} too, but the
 * agent was not written for them: such a copy is left as it is, with one debug line.
 */
final class SupportedVersion {

  private static final String SINCE_9_4 = "org/eclipse/jetty/client/AbstractConnectionPool";

  private final VersionCheck check =
      new VersionCheck("jetty-client", "9.4", loader -> VersionCheck.sees(loader, SINCE_9_4));

  /** Types matching {@code types} in a class loader whose Jetty client is supported. */
  AgentBuilder.RawMatcher of(ElementMatcher<? super TypeDescription> types) {
    return check.of(types);
  }
}
