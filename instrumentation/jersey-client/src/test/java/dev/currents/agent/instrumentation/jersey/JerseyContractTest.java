package dev.currents.agent.instrumentation.jersey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.ws.rs.client.Client;
import javax.ws.rs.client.ClientBuilder;
import javax.ws.rs.client.Entity;
import javax.ws.rs.client.Invocation;
import javax.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.Test;

/**
 * Jersey's client on its default connector, woven in this JVM, against the shared client contract. The connector
 * is {@code HttpURLConnection}, whose instrumentation records the requests, as the agent does: so the {@code client}
 * tag is {@code http-url-connection}, and the bridge goes to the bootstrap loader as for that module (the services
 * file of these tests). What Jersey's own instrumentation adds is the application's span on its executor's thread.
 */
class JerseyContractTest extends ClientContract {

  /** The span the application has current where it makes an asynchronous call. */
  private static final Object APPLICATION_SPAN = "the application's span";

  private Client jersey;

  JerseyContractTest() {
    super("http-url-connection");
  }

  @Override
  protected ContractClient client() {
    jersey = ClientBuilder.newClient();
    return new ContractClient() {
      @Override
      public int send(ContractRequest request) throws Exception {
        Invocation.Builder builder =
            jersey
                .target(request.uri())
                .request()
                .property(ClientProperties.READ_TIMEOUT, (int) request.readTimeout().toMillis());
        request.headers().forEach(builder::header);
        Entity<String> body = request.body() == null ? null : Entity.json(request.body());
        // A failure without a response comes as Jersey's ProcessingException, around the connector's.
        try (Response response = builder.method(request.method(), body)) {
          return response.getStatus();
        }
      }
    };
  }

  @Test
  void anAsyncCallsAttemptOnJerseysThreadIsAChildOfTheSpanCurrentWhereTheCallWasMade() throws Exception {
    recorder().currentParent(APPLICATION_SPAN);
    try {
      try (Response response =
          jersey.target(server().uri("/v1/runs/jersey-async")).request().async().get().get(5, TimeUnit.SECONDS)) {
        assertEquals(200, response.getStatus());
      }
    } finally {
      recorder().currentParent(null);
    }

    List<Attempt> started = recorder().started();
    assertEquals(1, started.size());
    assertSame(APPLICATION_SPAN, started.get(0).parent());
    assertEquals(1, recorder().awaitEnded(1, Duration.ofSeconds(5)).size());
  }
}
