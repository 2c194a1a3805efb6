package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ErrorCategoryFailureTest {

  /** Stand-ins for library exceptions, recognised by name as the real ones are. */
  static final class ConnectTimeoutException extends InterruptedIOException {
    ConnectTimeoutException(String message) {
      super(message);
    }
  }

  static final class ReadTimeoutException extends RuntimeException {}

  static class PoolTimeoutException extends IOException {}

  static final class PoolExhausted extends PoolTimeoutException {}

  static final class TimeoutCancellationException extends CancellationException {}

  static final class RequestAbortedException extends InterruptedIOException {
    RequestAbortedException(String message) {
      super(message);
    }
  }

  static final class TimeoutHolder {
    static final class Boom extends IOException {}
  }

  private static ErrorCategory of(Throwable t) {
    return ErrorCategory.ofFailure(t);
  }

  private static <T extends Throwable> T causedBy(T t, Throwable cause) {
    t.initCause(cause);
    return t;
  }

  @Test
  void cancellations() {
    assertEquals(ErrorCategory.CANCELLED, of(new CancellationException()));
    assertEquals(ErrorCategory.CANCELLED, of(new InterruptedException()));
    assertEquals(ErrorCategory.CANCELLED, of(new ClosedByInterruptException()));
    assertEquals(ErrorCategory.CANCELLED, of(new InterruptedIOException()));
    assertEquals(ErrorCategory.CANCELLED, of(new InterruptedIOException("interrupted")));
    assertEquals(ErrorCategory.CANCELLED, of(new InterruptedIOException("Timeout")));
    assertEquals(ErrorCategory.CANCELLED, of(new RequestAbortedException("Request aborted")));
  }

  @Test
  void okHttpCancelIsRecognisedByItsMessage() {
    assertEquals(ErrorCategory.CANCELLED, of(new IOException("Canceled")));
    assertEquals(ErrorCategory.CANCELLED, of(new IOException("canceled")));
    assertEquals(ErrorCategory.CANCELLED, of(new SocketException("Canceled")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new IOException("Canceled by peer")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new IOException("CANCELED")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new RuntimeException("Canceled")));
  }

  @Test
  void timeouts() {
    assertEquals(ErrorCategory.TIMEOUT, of(new InterruptedIOException("timeout")));
    assertEquals(ErrorCategory.TIMEOUT, of(new SocketTimeoutException("Read timed out")));
    assertEquals(ErrorCategory.TIMEOUT, of(new SocketTimeoutException("Connect timed out")));
    assertEquals(ErrorCategory.TIMEOUT, of(new SocketTimeoutException()));
    assertEquals(ErrorCategory.TIMEOUT, of(new SocketTimeoutException("timeout") {}));
    assertEquals(ErrorCategory.TIMEOUT, of(new HttpTimeoutException("request timed out")));
    assertEquals(ErrorCategory.TIMEOUT, of(new HttpConnectTimeoutException("HTTP connect timed out")));
    assertEquals(ErrorCategory.TIMEOUT, of(new TimeoutException()));
    assertEquals(ErrorCategory.TIMEOUT, of(new TimeoutException("Total timeout 5000 ms elapsed") {}));
  }

  @Test
  void libraryTimeoutsAreRecognisedByName() {
    assertEquals(ErrorCategory.TIMEOUT, of(new ConnectTimeoutException("Connect to host timed out")));
    assertEquals(ErrorCategory.TIMEOUT, of(new ReadTimeoutException()));
    assertEquals(ErrorCategory.TIMEOUT, of(new PoolTimeoutException()));
    assertEquals(ErrorCategory.TIMEOUT, of(new PoolExhausted()), "a subclass of a timeout is a timeout");
    assertEquals(
        ErrorCategory.TIMEOUT, of(new TimeoutCancellationException()), "a cancellation named a timeout");
  }

  @Test
  void onlyTheSimpleNameCounts() {
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new TimeoutHolder.Boom()));
  }

  @Test
  void otherIoFailuresAreNetworkErrors() {
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new ConnectException("Connection refused")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new UnknownHostException("api.currents.dev")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new NoRouteToHostException()));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new SSLException("Received fatal alert")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new SSLHandshakeException("PKIX path building failed")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new SocketException("Connection reset")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new EOFException()));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new ClosedChannelException()));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new IOException()));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new IOException("HTTP/1.1 header parser received no bytes")));
  }

  @Test
  void anythingUnrecognisedIsANetworkError() {
    assertEquals(ErrorCategory.NETWORK_ERROR, of(null));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new IllegalStateException("boom")));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new OutOfMemoryError()));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new Throwable()));
  }

  @Test
  void wrappersAreLookedThrough() {
    assertEquals(ErrorCategory.TIMEOUT, of(new CompletionException(new HttpTimeoutException("timed out"))));
    assertEquals(ErrorCategory.TIMEOUT, of(new ExecutionException(new TimeoutException())));
    assertEquals(ErrorCategory.CANCELLED, of(new CompletionException(new CancellationException())));
    assertEquals(ErrorCategory.CANCELLED, of(new UncheckedIOException(new IOException("Canceled"))));
    assertEquals(
        ErrorCategory.TIMEOUT, of(new UncheckedIOException(new SocketTimeoutException("Read timed out"))));
    assertEquals(
        ErrorCategory.NETWORK_ERROR, of(new UncheckedIOException(new ConnectException("Connection refused"))));
    assertEquals(
        ErrorCategory.CANCELLED,
        of(new RuntimeException(new ExecutionException(new CompletionException(new InterruptedException())))));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(new CompletionException(new IllegalStateException())));
  }

  @Test
  void aTimeoutInsideAPlainIoExceptionIsATimeout() {
    // The JDK HttpClient's send() rethrows an async failure as new IOException(message, cause).
    assertEquals(ErrorCategory.TIMEOUT, of(new IOException("timed out", new SocketTimeoutException())));
    assertEquals(
        ErrorCategory.TIMEOUT, of(new SSLException("handshake", new SocketTimeoutException("Read timed out"))));
    assertEquals(
        ErrorCategory.CANCELLED, of(causedBy(new ConnectException("closed"), new ClosedByInterruptException())));
  }

  @Test
  void theOutermostSignalWins() {
    // OkHttp's call timeout cancels the call and wraps the resulting "Canceled" in InterruptedIOException("timeout").
    assertEquals(
        ErrorCategory.TIMEOUT, of(causedBy(new InterruptedIOException("timeout"), new IOException("Canceled"))));
    assertEquals(
        ErrorCategory.CANCELLED, of(causedBy(new CancellationException(), new SocketTimeoutException())));
    assertEquals(
        ErrorCategory.TIMEOUT,
        of(new ExecutionException(causedBy(new TimeoutException(), new InterruptedException()))));
  }

  @Test
  void causeCyclesEnd() {
    IOException a = new IOException("a");
    IOException b = new IOException("b");
    a.initCause(b);
    b.initCause(a);
    assertEquals(
        ErrorCategory.NETWORK_ERROR, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> of(a)));

    IOException x = new IOException("x");
    SocketTimeoutException y = new SocketTimeoutException("y");
    x.initCause(y);
    y.initCause(x);
    assertEquals(ErrorCategory.TIMEOUT, of(x));
  }

  @Test
  void aSelfReferringGetCauseEnds() {
    RuntimeException selfish =
        new RuntimeException() {
          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };
    assertEquals(
        ErrorCategory.NETWORK_ERROR, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> of(selfish)));
  }

  @Test
  void theChainIsReadToDepthSixteen() {
    assertEquals(ErrorCategory.TIMEOUT, of(wrapped(new SocketTimeoutException(), 15)));
    assertEquals(ErrorCategory.NETWORK_ERROR, of(wrapped(new SocketTimeoutException(), 16)));
    assertEquals(ErrorCategory.CANCELLED, of(wrapped(new CancellationException(), 15)));
  }

  /** {@code innermost} under {@code wrappers} RuntimeExceptions: it is the (wrappers + 1)-th of the chain. */
  private static Throwable wrapped(Throwable innermost, int wrappers) {
    Throwable t = innermost;
    for (int i = 0; i < wrappers; i++) {
      t = new RuntimeException(t);
    }
    return t;
  }
}
