package dev.currents.agent.instrumentation.armeriaclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.WebClientRequestPreparation;
import com.linecorp.armeria.client.retry.Backoff;
import com.linecorp.armeria.client.retry.RetryRule;
import com.linecorp.armeria.client.retry.RetryingClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.testing.Answer;
import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import dev.currents.agent.testing.RecordedEnd;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Armeria's {@code WebClient}, woven in this JVM, against the shared client contract; and what only this client
 * does: the retries of its {@code RetryingClient}, its response aborted, its retries sent from an event loop.
 */
class ArmeriaClientContractTest extends ClientContract {

  private final ClientFactory factory = ClientFactory.builder().build();
  private final WebClient client = WebClient.builder().factory(factory).build();

  ArmeriaClientContractTest() {
    super("armeria-client");
  }

  @Override
  protected ContractClient client() {
    return ContractClient.closing(factory, this::send);
  }

  @Test
  void eachRetryOfTheRetryingClientIsAnAttemptOfItsOwn() throws Exception {
    server().answer("/v1/runs/contract-retried", Answer.status(503));

    AggregatedHttpResponse response =
        retrying().get(server().uri("/v1/runs/contract-retried").toString()).aggregate().join();

    assertEquals(503, response.status().code(), "the last attempt's answer");
    List<RecordedEnd> ended = recorder().awaitEnded(3, Duration.ofSeconds(5));
    assertEquals(3, ended.size(), recorder().events().toString());
    ended.forEach(end -> assertEquals(503, end.status()));
  }

  @Test
  void theSpanCurrentWhereTheRequestIsMadeIsTheParentOfItsRetries() throws Exception {
    server().answer("/v1/runs/contract-parent", Answer.status(503));
    Object span = new Object();
    recorder().currentParent(span);
    try {
      retrying().get(server().uri("/v1/runs/contract-parent").toString()).aggregate().join();
    } finally {
      recorder().currentParent(null);
    }

    List<RecordedEnd> ended = recorder().awaitEnded(3, Duration.ofSeconds(5));
    assertEquals(3, ended.size(), recorder().events().toString());
    for (RecordedEnd end : ended) {
      assertSame(span, end.attempt().parent(), "retried on an event loop, where no span is current");
    }
  }

  @Test
  void anAbortedResponseEndsTheAttemptAsCancelled() throws Exception {
    server().answer("/v1/runs/contract-cancelled", Answer.status(200).after(Duration.ofSeconds(3)));

    HttpResponse response = client.get(server().uri("/v1/runs/contract-cancelled").toString());
    Thread.sleep(300);
    response.abort();

    List<RecordedEnd> ended = recorder().awaitEnded(1, Duration.ofSeconds(2));
    assertEquals(1, ended.size(), recorder().events().toString());
    Throwable failure = ended.get(0).failure();
    assertEquals(ErrorCategory.CANCELLED, ErrorCategory.ofFailure(failure), String.valueOf(failure));
  }

  /** Three attempts at most, the second and third a tenth of a second after the one before. */
  private WebClient retrying() {
    return WebClient.builder()
        .factory(factory)
        .decorator(
            RetryingClient.builder(
                    RetryRule.builder().onStatus(HttpStatus.SERVICE_UNAVAILABLE).thenBackoff(Backoff.fixed(100)))
                .maxTotalAttempts(3)
                .newDecorator())
        .build();
  }

  private int send(ContractRequest request) {
    WebClientRequestPreparation preparation =
        client
            .prepare()
            .method(HttpMethod.valueOf(request.method()))
            .path(request.uri().toString())
            .responseTimeout(request.readTimeout());
    request.headers().forEach(preparation::header);
    if (request.body() != null) {
      preparation.content(MediaType.JSON, request.body());
    }
    return preparation.execute().aggregate().join().status().code();
  }
}
