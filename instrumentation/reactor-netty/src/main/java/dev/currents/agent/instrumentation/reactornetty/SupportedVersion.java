package dev.currents.agent.instrumentation.reactornetty;

import dev.currents.agent.tooling.VersionCheck;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which copies of Reactor Netty the agent weaves: 1.0 on, judged once per class loader by {@code
 * HttpClientConfig}, which 1.0 introduced with the request lifecycle the advice relies on. Reactor Netty 0.9 has
 * classes of the same names laid out otherwise: it is left as it is, with one debug line.
 */
final class SupportedVersion {

  private static final String SINCE_1_0 = "reactor/netty/http/client/HttpClientConfig";

  private final VersionCheck check =
      new VersionCheck("reactor-netty", "1.0", loader -> VersionCheck.sees(loader, SINCE_1_0));

  /** Types matching {@code types} in a class loader whose Reactor Netty is supported. */
  AgentBuilder.RawMatcher of(ElementMatcher<? super TypeDescription> types) {
    return check.of(types);
  }
}
