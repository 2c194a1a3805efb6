package dev.currents.agent.tracing;

import dev.currents.agent.bootstrap.WeakIdentityMap;
import dev.currents.agent.otel.OpenTelemetryJavaagent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.lang.ref.WeakReference;

/**
 * The span current in the application when it starts a request, so that the agent's span joins the
 * application's trace as its child. It is read from whichever OpenTelemetry the application has:
 *
 * <ul>
 *   <li>the OpenTelemetry javaagent's, in the bootstrap loader; the javaagent bridges the application's own API
 *       to it, so when it is there nothing else needs asking;
 *   <li>else the application's own API ({@code io.opentelemetry.api}, with its SDK), as the thread's context
 *       class loader sees it, or the system loader.
 * </ul>
 *
 * <p>Runs on the thread that starts the request. Each class loader is asked once; an application without
 * OpenTelemetry costs a field read and a comparison per request.
 */
final class ApplicationSpans {

  /** Built at run time: see {@link OpenTelemetryJavaagent#SHADED_API}. */
  private static final String APPLICATION_API = String.join(".", "io", "opentelemetry", "api");
  private static final SpanContextReader NONE = SpanContextReader.NONE;

  private final WeakIdentityMap<ClassLoader, SpanContextReader> readers = new WeakIdentityMap<>();
  /** The loader asked last, and its reader: in most applications every request asks the same one. */
  private volatile LoaderReader last = new LoaderReader(null, NONE);
  private volatile SpanContextReader javaagent;

  /** The parent of the agent's span: the application's current span, or none (a new trace). */
  Context parent() {
    Context current = current();
    return current != null ? current : Context.root();
  }

  /** The application's current span as a parent context, or null when none is current. */
  Context current() {
    SpanContext current = currentSpanContext();
    return current.isValid() ? Context.root().with(Span.wrap(current)) : null;
  }

  SpanContext currentSpanContext() {
    SpanContextReader reader = javaagent();
    if (reader == NONE) {
      reader = applicationApi();
    }
    return reader.read();
  }

  private SpanContextReader javaagent() {
    SpanContextReader reader = javaagent;
    if (reader == null) {
      reader = SpanContextReader.find(OpenTelemetryJavaagent.SHADED_API, null);
      javaagent = reader;
    }
    return reader;
  }

  private SpanContextReader applicationApi() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    LoaderReader cached = last;
    if (cached.loader.get() == loader) {
      return cached.reader;
    }
    SpanContextReader reader = readers.get(loader);
    if (reader == null) {
      reader = SpanContextReader.find(APPLICATION_API, loader);
      readers.put(loader, reader);
    }
    last = new LoaderReader(loader, reader);
    return reader;
  }

  private static final class LoaderReader {
    /** Weak: a loader of a web application that was undeployed must not stay in memory for this. */
    final WeakReference<ClassLoader> loader;
    final SpanContextReader reader;

    LoaderReader(ClassLoader loader, SpanContextReader reader) {
      this.loader = new WeakReference<>(loader);
      this.reader = reader;
    }
  }
}
