package dev.currents.agent.instrumentation.okhttp;

import static dev.currents.agent.tooling.VersionCheck.sees;

import dev.currents.agent.tooling.VersionCheck;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which copies of OkHttp the agent weaves: those from 3.14 on, judged once per class loader by the classes it
 * can see. Before 3.14 the call timeout is applied outside {@code getResponseWithInterceptorChain} (3.12, 3.13)
 * or the interceptors are laid out otherwise (3.0 to 3.3), so an older copy is left as it is, with one debug
 * line when its {@code RealCall}, which every version has and every call loads, is first seen.
 */
final class SupportedVersion {

  private static final String CONNECT_INTERCEPTOR = "okhttp3/internal/connection/ConnectInterceptor";
  /** 3.14 to 4.2. */
  private static final String TRANSMITTER = "okhttp3/internal/connection/Transmitter";
  /** 4.3 on. */
  private static final String INTERNAL_REAL_CALL = "okhttp3/internal/connection/RealCall";

  private final VersionCheck check = new VersionCheck("okhttp", "3.14", SupportedVersion::judge);

  /** Types matching {@code types} in a class loader whose OkHttp is supported. */
  AgentBuilder.RawMatcher of(ElementMatcher<? super TypeDescription> types) {
    return check.of(types);
  }

  private static boolean judge(ClassLoader loader) {
    return sees(loader, CONNECT_INTERCEPTOR) && (sees(loader, TRANSMITTER) || sees(loader, INTERNAL_REAL_CALL));
  }
}
