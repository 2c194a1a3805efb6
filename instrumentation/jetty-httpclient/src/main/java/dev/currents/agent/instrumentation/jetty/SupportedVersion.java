package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Which copies of Jetty's client the agent weaves: 9.4 and later, judged once per class loader by a class that
 * 9.4 added and 12 kept ({@code AbstractConnectionPool}). 9.3 and older have an {@code HttpExchange} too, but the
 * agent was not written for them: such a copy is left as it is, with one debug line.
 */
final class SupportedVersion {

  private static final String SINCE_9_4 = "org/eclipse/jetty/client/AbstractConnectionPool.class";

  private final WeakIdentityMap<ClassLoader, Boolean> verdicts = new WeakIdentityMap<>();

  /** Types matching {@code types} in a class loader whose Jetty client is supported. */
  AgentBuilder.RawMatcher of(ElementMatcher<? super TypeDescription> types) {
    return (TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        Class<?> classBeingRedefined,
        ProtectionDomain protectionDomain) -> types.matches(type) && isSupported(loader);
  }

  private boolean isSupported(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    Boolean verdict = verdicts.get(loader);
    return verdict != null ? verdict : judgeOnce(loader);
  }

  /** Synchronized so that two Jetty classes loaded at once by two threads print one line. */
  private synchronized boolean judgeOnce(ClassLoader loader) {
    Boolean verdict = verdicts.get(loader);
    if (verdict == null) {
      verdict = loader.getResource(SINCE_9_4) != null;
      verdicts.put(loader, verdict);
      if (!verdict) {
        AgentLog.debug("jetty-client in " + loader + " is older than 9.4, which the agent does not support: left as it is");
      }
    }
    return verdict;
  }
}
