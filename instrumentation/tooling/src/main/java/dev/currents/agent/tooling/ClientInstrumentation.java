package dev.currents.agent.tooling;

import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.AgentBuilder.Transformer.ForAdvice;

/**
 * One HTTP client library family, instrumented. Implementations are found with {@link
 * java.util.ServiceLoader} in the agent's class loader.
 *
 * <p>Advice classes only gather facts and hand them to {@code dev.currents.agent.bootstrap.CurrentsRequests};
 * classes that advice calls directly, other than that bridge, live in a {@code .bootstrap} sub-package of the
 * module and are loaded by the bootstrap class loader, where every instrumented class can see them.
 */
public interface ClientInstrumentation {

  /** The {@code client} tag value, such as {@code java-http-client}. */
  String client();

  /** Adds this library's transformations to the agent builder. */
  AgentBuilder instrument(AgentBuilder builder);

  /**
   * The classes this instrumentation weaves, as internal names ({@code jdk/internal/net/http/HttpClientImpl})
   * or package prefixes ending in {@code /} ({@code okhttp3/}). The agent starts in the background; while it
   * does, loading one of these classes waits for it, so that no request escapes. Checked on every class load
   * during start-up, so keep it short.
   */
  default List<String> typeNamesToHold() {
    return List.of();
  }

  /** A transformer for advice classes that live in the agent's own class loader. */
  static ForAdvice adviceFrom(Class<?> anyAdvice) {
    return new ForAdvice().include(anyAdvice.getClassLoader());
  }
}
