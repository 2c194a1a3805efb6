package dev.currents.agent.common;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a timeout and a cancellation from any other failure by walking the cause chain from the outermost
 * exception; the first timeout or cancellation found wins, and a chain with neither is a network error.
 *
 * <p>A generic IOException does not stop the walk: clients rethrow timeouts wrapped in plain IOExceptions
 * (the JDK HttpClient's {@code send} does), and such a chain is a timeout, not an I/O failure. Wrappers such as
 * CompletionException, ExecutionException and UncheckedIOException are looked through the same way.
 *
 * <p>This class is loaded by the bootstrap class loader, which cannot see {@code java.net.http} or any library:
 * such exceptions are recognised by class name only ({@code HttpTimeoutException}, Apache's
 * {@code ConnectTimeoutException}, Netty's {@code ReadTimeoutException} all carry "Timeout" in their simple
 * names). Only java.base types are referenced here.
 */
final class FailureClassifier {

  /** Throwables examined at most: the outermost and 15 causes. Also ends a cause cycle. */
  static final int MAX_DEPTH = 16;

  private static final String TIMEOUT_NAME_PART = "Timeout";

  private FailureClassifier() {}

  static ErrorCategory classify(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (isTimeout(t)) {
        return ErrorCategory.TIMEOUT;
      }
      if (isCancellation(t)) {
        return ErrorCategory.CANCELLED;
      }
      Throwable cause = t.getCause();
      if (cause == t) {
        break;
      }
      t = cause;
    }
    return ErrorCategory.NETWORK_ERROR;
  }

  // Checked before isCancellation so that a class naming itself a timeout (Kotlin's
  // TimeoutCancellationException, a CancellationException) counts as one.
  private static boolean isTimeout(Throwable t) {
    if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
      return true;
    }
    // OkHttp's call timeout is a plain InterruptedIOException("timeout").
    if (t.getClass() == InterruptedIOException.class) {
      return "timeout".equals(t.getMessage());
    }
    return isNamedTimeout(t.getClass());
  }

  private static boolean isCancellation(Throwable t) {
    if (t instanceof CancellationException
        || t instanceof InterruptedException
        || t instanceof ClosedByInterruptException
        // Plain (thread interrupted) and the aborts of Apache HttpClient 4 (RequestAbortedException) and 5
        // (RequestFailedException); the timeouts among its subclasses were taken by isTimeout.
        || t instanceof InterruptedIOException) {
      return true;
    }
    if (t instanceof IOException) {
      String message = t.getMessage();
      // OkHttp's Call.cancel().
      return "Canceled".equals(message) || "canceled".equals(message);
    }
    return false;
  }

  /** Whether the class or a superclass has "Timeout" in its simple name; reads only the cached getName(). */
  private static boolean isNamedTimeout(Class<?> type) {
    for (Class<?> c = type; c != null && c != Throwable.class; c = c.getSuperclass()) {
      String name = c.getName();
      int simpleStart = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1;
      if (containsFrom(name, simpleStart, TIMEOUT_NAME_PART)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsFrom(String s, int from, String part) {
    int last = s.length() - part.length();
    for (int i = from; i <= last; i++) {
      if (s.regionMatches(i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }
}
