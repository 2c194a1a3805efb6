package dev.currents.testapp.jaxrs.javax;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;
import dev.currents.testapp.LayerOutcome;
import dev.currents.testapp.jaxrs.JerseyProperties;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.ws.rs.ProcessingException;
import javax.ws.rs.client.Client;
import javax.ws.rs.client.ClientBuilder;
import javax.ws.rs.client.Entity;
import javax.ws.rs.client.Invocation;
import javax.ws.rs.client.InvocationCallback;
import javax.ws.rs.core.Response;

/**
 * A JAX-RS 2 ({@code javax.ws.rs}) client: Jersey 2.x, on its default connector, {@code HttpUrlConnectorProvider} (HttpURLConnection),
 * through the standard API only: {@code request().method(...)} blocking, or {@code request().async().method(...)}
 * with a callback that Jersey runs on a thread of its own. Asked for a {@code Response}, it returns any status,
 * as applications that read the status use it, and wraps an I/O failure in a {@code ProcessingException}
 * ({@link LayerOutcome}). The jakarta adapter is the same but for the package of the API, renamed between the two.
 */
public final class JaxRsAdapter implements ClientAdapter, AutoCloseable {

  /** One client, as in an application: building one per call is slow (HK2 starts each time). */
  private final Client client = ClientBuilder.newClient();

  private final boolean async;

  public JaxRsAdapter(boolean async) {
    this.async = async;
  }

  @Override
  public int execute(Call call) throws Exception {
    Invocation.Builder request = client.target(call.uri).request();
    for (String[] header : call.headers) {
      request.header(header[0], header[1]);
    }
    for (Map.Entry<String, Object> property : JerseyProperties.of(call).entrySet()) {
      request.property(property.getKey(), property.getValue());
    }
    Entity<String> body = call.body == null ? null : Entity.entity(call.body, "application/json");
    try {
      if (!async) {
        return read(request.method(call.method, body, Response.class));
      }
      CompletableFuture<Integer> status = new CompletableFuture<>();
      request
          .async()
          .method(
              call.method,
              body,
              new InvocationCallback<Response>() {
                @Override
                public void completed(Response response) {
                  status.complete(read(response));
                }

                @Override
                public void failed(Throwable failure) {
                  status.completeExceptionally(failure);
                }
              });
      return status.get();
    } catch (ProcessingException | ExecutionException e) {
      throw LayerOutcome.unwrapped(e, ProcessingException.class);
    }
  }

  /** The status, once the body is read and the response closed, as applications do. */
  private static int read(Response response) {
    try {
      response.readEntity(String.class);
      return response.getStatus();
    } finally {
      response.close();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
