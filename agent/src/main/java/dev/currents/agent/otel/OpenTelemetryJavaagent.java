package dev.currents.agent.otel;

import dev.currents.agent.bootstrap.AgentErrors;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The OpenTelemetry javaagent, when the application runs with one beside this agent. Its API is in the
 * bootstrap class loader, shaded under {@code io.opentelemetry.javaagent.shaded}; this agent finds it by name
 * and never links against it, as it may be absent and is not the agent's own (relocated) copy of the API.
 * Looked up on first use, not at start: by then every agent's premain has run, whatever their order.
 */
public final class OpenTelemetryJavaagent {

  /**
   * Built at run time: the shade plugin relocates string literals that start with {@code io.opentelemetry},
   * which would turn this name into the agent's own package.
   */
  public static final String SHADED_API =
      String.join(".", "io", "opentelemetry", "javaagent", "shaded", "io", "opentelemetry", "api");

  private static final String[] INSTRUMENTATION_UTIL = {
    SHADED_API + ".internal.InstrumentationUtil", SHADED_API + ".impl.InstrumentationUtil"
  };
  private static final MethodHandle NOT_FOUND = MethodHandles.constant(Object.class, null);

  private static volatile MethodHandle suppressInstrumentation;

  private OpenTelemetryJavaagent() {}

  /**
   * {@code task}, run with the javaagent's instrumentation suppressed: the agent's own exports then do not show
   * as HTTP client spans of the application. The javaagent honours this for the exporters of the application's
   * OpenTelemetry SDK; the agent's SDK is relocated, so it asks the javaagent itself.
   */
  public static Runnable withoutItsInstrumentation(Runnable task) {
    MethodHandle suppress = suppressInstrumentation();
    if (suppress == NOT_FOUND) {
      return task;
    }
    return () -> {
      try {
        suppress.invokeExact(task);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    };
  }

  private static MethodHandle suppressInstrumentation() {
    MethodHandle handle = suppressInstrumentation;
    if (handle == null) {
      handle = findSuppressInstrumentation();
      suppressInstrumentation = handle;
    }
    return handle;
  }

  private static MethodHandle findSuppressInstrumentation() {
    for (String name : INSTRUMENTATION_UTIL) {
      Class<?> util = inBootstrap(name);
      if (util != null) {
        try {
          return MethodHandles.publicLookup()
              .findStatic(util, "suppressInstrumentation", MethodType.methodType(void.class, Runnable.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
          AgentErrors.report("finding the OpenTelemetry javaagent's instrumentation switch", e);
        }
      }
    }
    return NOT_FOUND;
  }

  /** The named class of the bootstrap loader, or null. */
  public static Class<?> inBootstrap(String name) {
    try {
      return Class.forName(name, false, null);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
