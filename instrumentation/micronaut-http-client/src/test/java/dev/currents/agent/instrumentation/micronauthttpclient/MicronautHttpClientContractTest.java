package dev.currents.agent.instrumentation.micronauthttpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.testing.Answer;
import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import dev.currents.agent.testing.RecordedEnd;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The Micronaut HTTP client's blocking {@code exchange}, woven in this JVM, against the shared client contract; and
 * what only this client does: its reactive subscription cancelled, its attempts started on an event loop.
 */
class MicronautHttpClientContractTest extends ClientContract {

  /** One client per read timeout, which Micronaut sets per client. */
  private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

  MicronautHttpClientContractTest() {
    super("micronaut-http-client");
  }

  @Override
  protected ContractClient client() {
    return ContractClient.closing(
        () -> clients.values().forEach(HttpClient::close),
        request -> send(clientFor(request.readTimeout()), request));
  }

  @Test
  void aCancelledSubscriptionEndsTheAttemptAsCancelled() throws Exception {
    server().answer("/v1/runs/contract-cancelled", Answer.status(200).after(Duration.ofSeconds(3)));

    Disposable subscription =
        Mono.from(clientFor(Duration.ofSeconds(10)).exchange(HttpRequest.GET(server().uri("/v1/runs/contract-cancelled"))))
            .subscribe(response -> {}, failure -> {});
    Thread.sleep(300);
    subscription.dispose();

    List<RecordedEnd> ended = recorder().awaitEnded(1, Duration.ofSeconds(2));
    assertEquals(1, ended.size(), recorder().events().toString());
    assertEquals(ErrorCategory.CANCELLED, ErrorCategory.ofFailure(ended.get(0).failure()));
  }

  @Test
  void theSpanCurrentWhereTheRequestIsMadeIsTheParentOfItsAttempt() throws Exception {
    Object span = new Object();
    recorder().currentParent(span);
    try {
      clientFor(Duration.ofSeconds(10)).toBlocking().exchange(HttpRequest.GET(server().uri("/v1/runs/contract-parent")));
    } finally {
      recorder().currentParent(null);
    }

    List<RecordedEnd> ended = recorder().awaitEnded(1, Duration.ofSeconds(2));
    Attempt attempt = ended.get(0).attempt();
    assertEquals("/v1/runs/contract-parent", attempt.path());
    assertSame(span, attempt.parent(), "started on an event loop, where no span is current");
  }

  private HttpClient clientFor(Duration readTimeout) {
    return clients.computeIfAbsent(
        readTimeout,
        timeout -> {
          DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
          configuration.setReadTimeout(timeout);
          return HttpClient.create(null, configuration);
        });
  }

  private static int send(HttpClient client, ContractRequest request) {
    MutableHttpRequest<String> micronautRequest =
        HttpRequest.create(HttpMethod.parse(request.method()), request.uri().toString());
    request.headers().forEach(micronautRequest::header);
    if (request.body() != null) {
      micronautRequest.body(request.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    try {
      HttpResponse<String> response = client.toBlocking().exchange(micronautRequest, String.class);
      return response.code();
    } catch (HttpClientResponseException e) {
      return e.code();
    }
  }
}
