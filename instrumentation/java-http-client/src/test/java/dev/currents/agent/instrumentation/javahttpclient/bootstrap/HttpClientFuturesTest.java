package dev.currents.agent.instrumentation.javahttpclient.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.ResponseReader;
import dev.currents.agent.testing.RecordingRecorder;
import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a {@code sendAsync} future's completion ends its attempt: a response, a failure, or a layer's deadline. */
class HttpClientFuturesTest {

  @RegisterExtension final RecordingRecorder recorder = RecordingRecorder.eachTest("api.currents.dev");

  private static Attempt start(String client) {
    return CurrentsRequests.start(client, "GET", URI.create("https://api.currents.dev/v1/projects"), null, null, null);
  }

  @Test
  void aCancellationALayerMadeOnItsDeadlineFailsWithWhatTheLayerThrows() {
    Object future = new Object();
    TimeoutException asSeen = new TimeoutException("the layer's read timeout");
    HttpClientFutures.cancelsOnDeadline(future, asSeen);
    HttpClientFutures.completion(start(HttpClientFutures.CLIENT), future)
        .accept(null, new CancellationException("Request cancelled"));
    assertSame(asSeen, recorder.failures().get(0));

    // Once only: the same future cancelled again, or by the caller, is a cancellation.
    CancellationException byTheCaller = new CancellationException();
    HttpClientFutures.completion(start(HttpClientFutures.CLIENT), future).accept(null, byTheCaller);
    assertSame(byTheCaller, recorder.failures().get(1));
  }

  @Test
  void aCompletionReadsTheResponseThroughTheClientsRegisteredReader() {
    CurrentsRequests.registerResponseReader(
        "test-client",
        new ResponseReader<Integer>() {
          @Override
          public int status(Integer response) {
            return response;
          }

          @Override
          public String first(Integer response, String name) {
            return "Retry-After".equals(name) ? "7" : null;
          }
        });
    HttpClientFutures.completion(start("test-client"), new Object()).accept(503, null);
    assertEquals(503, recorder.ended().get(0).status());
    assertEquals("7", recorder.ended().get(0).retryAfter());
  }
}
