package dev.currents.agent.tooling;

import dev.currents.agent.bootstrap.HeaderInjector;
import dev.currents.agent.bootstrap.ResponseReader;
import java.util.List;

/**
 * One HTTP client library family's instrumentation, declared: its name, where it hooks and which copies of the
 * library it supports. The agent derives the weaving, the start gate and the switch that turns it off ({@code
 * currents.agent.instrumentation.<name>.enabled}) from this description ({@link Weaving}); implementations are
 * found with {@link java.util.ServiceLoader} in the agent's class loader, each registered by one line in its
 * module's {@code META-INF/services}.
 *
 * <p>Advice classes only gather facts and hand them to {@code dev.currents.agent.bootstrap.CurrentsRequests}.
 * Classes that advice calls directly, other than that bridge, are either {@link #helpers()}, typed against the
 * library and defined beside it, or state that every copy of the library shares, in a {@code .bootstrap}
 * sub-package of the module, loaded by the bootstrap class loader where every instrumented class can see it.
 */
public interface ClientInstrumentation {

  /**
   * The instrumentation's name, as in {@code currents.agent.instrumentation.<name>.enabled} and the start-up line:
   * the library family, lower case with dashes ({@code okhttp}, {@code apache-httpclient-5}).
   */
  String name();

  /**
   * The {@code client} tag of the attempts it records: its {@link #name()}, or null for an instrumentation of a
   * layer whose requests are recorded by the client underneath (Jersey).
   */
  default String client() {
    return name();
  }

  /** The classes it weaves and the advice woven into each. */
  List<Hook> hooks();

  /**
   * Classes of the module that advice calls, typed against the library: each is defined in the class loader of
   * every class the instrumentation weaves, beside the library ({@link HelperClasses}), in this order.
   */
  default List<Class<?>> helpers() {
    return List.of();
  }

  /**
   * Packages of the JDK's own modules that its {@code .bootstrap} classes use, as {@code module/package} ({@code
   * java.base/sun.net.www}): the agent exports them to the bootstrap loader's classes before it weaves.
   */
  default List<String> jdkPackagesUsed() {
    return List.of();
  }

  /** Which copies of the library it weaves, judged per class loader; null: every copy. */
  default VersionCheck supportedVersions() {
    return null;
  }

  /**
   * How it adds a header to a request, for a client whose requests the bridge propagates the trace context into
   * ({@link dev.currents.agent.bootstrap.CurrentsRequests#propagate}); null otherwise.
   */
  default HeaderInjector<?> headerInjector() {
    return null;
  }

  /** How it reads a response that the bridge ends an attempt with, for clients that complete a future; or null. */
  default ResponseReader<?> responseReader() {
    return null;
  }
}
