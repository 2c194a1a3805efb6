package dev.currents.agent.instrumentation.okhttp.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.testing.RecordingRecorder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Constructor;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.util.List;
import okhttp3.internal.connection.RouteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OkHttpCallsTest {

  private final Object call = new Object();
  @RegisterExtension final RecordingRecorder recorder = RecordingRecorder.eachTest("api.currents.dev");

  @Test
  void aFailureToConnectIsTheConnectExceptionTheApplicationGetsNotOkHttpsWrapper() throws Exception {
    ConnectException refused = new ConnectException("refused");
    // OkHttp makes it with a constructor of its package.
    Constructor<RouteException> routeException = RouteException.class.getDeclaredConstructor(IOException.class);
    routeException.setAccessible(true);
    OkHttpCalls.attemptFailed(attempt(), routeException.newInstance(refused), call, false);
    assertSame(refused, recorder.failures().get(0));
    SocketException reset = new SocketException("reset");
    assertSame(reset, OkHttpCalls.asTheApplicationSeesIt(reset), "any other failure as it is");
  }

  @Test
  void aFailureOfACallStillRunningEndsItsAttemptAtOnce() {
    ConnectException refused = new ConnectException("refused");
    OkHttpCalls.attemptFailed(attempt(), refused, call, false);
    assertEquals(List.of(refused), recorder.failures());
  }

  @Test
  void aCanceledAttemptWaitsForItsCallToSayWhetherItTimedOut() {
    OkHttpCalls.attemptFailed(attempt(), new SocketException("Socket closed"), call, true);
    OkHttpCalls.callEnded(new Object(), null);
    assertEquals(List.of(), recorder.failures(), "another call's end leaves it waiting");

    InterruptedIOException callTimeout = new InterruptedIOException("timeout");
    OkHttpCalls.callEnded(call, callTimeout);
    assertEquals(1, recorder.failures().size());
    assertSame(callTimeout, recorder.failures().get(0));
  }

  @Test
  void aCanceledAttemptOfACallThatDidNotTimeOutWasCancelledByTheApplication() {
    OkHttpCalls.attemptFailed(attempt(), new SocketException("Socket closed"), call, true);
    OkHttpCalls.callEnded(call, new SocketException("Socket closed"));
    assertEquals(1, recorder.failures().size());
    assertEquals(ErrorCategory.CANCELLED, ErrorCategory.ofFailure(recorder.failures().get(0)));
  }

  @Test
  void aCallEndsItsWaitingAttemptOnce() {
    OkHttpCalls.attemptFailed(attempt(), new SocketException("Socket closed"), call, true);
    OkHttpCalls.callEnded(call, null);
    OkHttpCalls.callEnded(call, null);
    assertEquals(1, recorder.failures().size());
    assertTrue(recorder.failures().get(0) != null);
  }

  private static Attempt attempt() {
    return CurrentsRequests.start(OkHttpCalls.CLIENT, "GET", URI.create("https://api.currents.dev/v1/projects"), null, null, null);
  }
}
