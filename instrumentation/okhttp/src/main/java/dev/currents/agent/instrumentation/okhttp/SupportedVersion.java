package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Which copies of OkHttp the agent weaves: those from 3.14 on, judged once per class loader by the classes it
 * can see. Before 3.14 the call timeout is applied outside {@code getResponseWithInterceptorChain} (3.12, 3.13)
 * or the interceptors are laid out otherwise (3.0 to 3.3), so an older copy is left as it is, with one debug
 * line when its {@code RealCall}, which every version has and every call loads, is first seen.
 */
final class SupportedVersion {

  private static final String CONNECT_INTERCEPTOR = "okhttp3/internal/connection/ConnectInterceptor.class";
  /** 3.14 to 4.2. */
  private static final String TRANSMITTER = "okhttp3/internal/connection/Transmitter.class";
  /** 4.3 on. */
  private static final String INTERNAL_REAL_CALL = "okhttp3/internal/connection/RealCall.class";

  private final WeakIdentityMap<ClassLoader, Boolean> verdicts = new WeakIdentityMap<>();

  /** Types matching {@code types} in a class loader whose OkHttp is supported. */
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

  /** Synchronized so that two OkHttp classes loaded at once by two threads print one line. */
  private synchronized boolean judgeOnce(ClassLoader loader) {
    Boolean verdict = verdicts.get(loader);
    if (verdict == null) {
      verdict = judge(loader);
      verdicts.put(loader, verdict);
      if (!verdict) {
        AgentLog.debug("okhttp in " + loader + " is older than 3.14, which the agent does not support: left as it is");
      }
    }
    return verdict;
  }

  private static boolean judge(ClassLoader loader) {
    return sees(loader, CONNECT_INTERCEPTOR) && (sees(loader, TRANSMITTER) || sees(loader, INTERNAL_REAL_CALL));
  }

  private static boolean sees(ClassLoader loader, String resource) {
    return loader.getResource(resource) != null;
  }
}
