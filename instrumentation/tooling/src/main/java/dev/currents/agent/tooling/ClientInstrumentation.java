package dev.currents.agent.tooling;

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

  /** A transformer for advice classes that live in the agent's own class loader. */
  static ForAdvice adviceFrom(Class<?> anyAdvice) {
    return new ForAdvice().include(anyAdvice.getClassLoader());
  }
}
