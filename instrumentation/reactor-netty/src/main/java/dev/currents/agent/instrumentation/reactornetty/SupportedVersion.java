package dev.currents.agent.instrumentation.reactornetty;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Which copies of Reactor Netty the agent weaves: 1.0 on, judged once per class loader by {@code
 * HttpClientConfig}, which 1.0 introduced with the request lifecycle the advice relies on. Reactor Netty 0.9 has
 * classes of the same names laid out otherwise: it is left as it is, with one debug line.
 */
final class SupportedVersion {

  private static final String SINCE_1_0 = "reactor/netty/http/client/HttpClientConfig.class";

  private final WeakIdentityMap<ClassLoader, Boolean> verdicts = new WeakIdentityMap<>();

  /** Types matching {@code types} in a class loader whose Reactor Netty is supported. */
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

  /** Synchronized so that two classes loaded at once by two threads print one line. */
  private synchronized boolean judgeOnce(ClassLoader loader) {
    Boolean verdict = verdicts.get(loader);
    if (verdict == null) {
      verdict = loader.getResource(SINCE_1_0) != null;
      verdicts.put(loader, verdict);
      if (!verdict) {
        AgentLog.debug("reactor-netty in " + loader + " is older than 1.0, which the agent does not support: left as it is");
      }
    }
    return verdict;
  }
}
