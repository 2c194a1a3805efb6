package dev.currents.agent.tracing;

import dev.currents.agent.bootstrap.AgentErrors;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads the current span of one copy of the OpenTelemetry API that is not the agent's (the application's, or
 * the OpenTelemetry javaagent's) as text, and rebuilds it with the agent's own API. Method handles are looked up
 * once; each read is a handful of direct calls.
 */
final class SpanContextReader {

  /** The reader where there is no such API: every span context it reads is invalid. */
  static final SpanContextReader NONE = new SpanContextReader(null, null, null, null, null, null);

  private final MethodHandle currentSpan;
  private final MethodHandle spanContext;
  private final MethodHandle isValid;
  private final MethodHandle traceId;
  private final MethodHandle spanId;
  private final MethodHandle traceFlags;

  private SpanContextReader(
      MethodHandle currentSpan,
      MethodHandle spanContext,
      MethodHandle isValid,
      MethodHandle traceId,
      MethodHandle spanId,
      MethodHandle traceFlags) {
    this.currentSpan = currentSpan;
    this.spanContext = spanContext;
    this.isValid = isValid;
    this.traceId = traceId;
    this.spanId = spanId;
    this.traceFlags = traceFlags;
  }

  /**
   * A reader of the API in package {@code api} ({@code io.opentelemetry.api} or a shaded copy) as {@code loader}
   * sees it (null: the bootstrap loader), or {@link #NONE} when that loader has no such API.
   */
  static SpanContextReader find(String api, ClassLoader loader) {
    Class<?> span;
    Class<?> context;
    Class<?> flags;
    try {
      span = Class.forName(api + ".trace.Span", false, loader);
      context = Class.forName(api + ".trace.SpanContext", false, loader);
      flags = Class.forName(api + ".trace.TraceFlags", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return NONE;
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      return new SpanContextReader(
          lookup.findStatic(span, "current", MethodType.methodType(span)).asType(MethodType.methodType(Object.class)),
          getter(lookup, span, "getSpanContext", context),
          getter(lookup, context, "isValid", boolean.class),
          getter(lookup, context, "getTraceId", String.class),
          getter(lookup, context, "getSpanId", String.class),
          MethodHandles.filterReturnValue(
              getter(lookup, context, "getTraceFlags", flags),
              getter(lookup, flags, "asByte", byte.class)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      AgentErrors.report("reading the application's OpenTelemetry API in " + api, e);
      return NONE;
    }
  }

  private static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type)
      throws ReflectiveOperationException {
    MethodHandle handle = lookup.findVirtual(owner, name, MethodType.methodType(type));
    Class<?> erased = type.isPrimitive() || type == String.class ? type : Object.class;
    return handle.asType(MethodType.methodType(erased, Object.class));
  }

  /** The current span's context, invalid when there is none. */
  SpanContext read() {
    if (this == NONE) {
      return SpanContext.getInvalid();
    }
    try {
      Object context = (Object) spanContext.invokeExact((Object) currentSpan.invokeExact());
      if (!(boolean) isValid.invokeExact(context)) {
        return SpanContext.getInvalid();
      }
      return SpanContext.create(
          (String) traceId.invokeExact(context),
          (String) spanId.invokeExact(context),
          TraceFlags.fromByte((byte) traceFlags.invokeExact(context)),
          TraceState.getDefault());
    } catch (Throwable t) {
      AgentErrors.report("reading the application's current span", t);
      return SpanContext.getInvalid();
    }
  }
}
