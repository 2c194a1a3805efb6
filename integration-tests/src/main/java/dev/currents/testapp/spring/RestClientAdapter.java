package dev.currents.testapp.spring;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;
import dev.currents.testapp.LayerOutcome;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Spring's {@code RestClient} (6.1 and later), blocking. A call with neither timeout nor redirects to follow goes
 * through {@code RestClient.create()}, whose request factory Spring picks from the class path: with no Apache
 * HttpClient 5, Jetty client or Reactor Netty on it, the {@code JdkClientHttpRequestFactory} on the JDK's
 * {@code HttpClient} ({@code DefaultRestClientBuilder.initRequestFactory}, 6.2 and 7.0). Other calls get that
 * factory explicitly ({@link JdkFactories}).
 */
public final class RestClientAdapter implements ClientAdapter {

  private final RestClient byDefault = RestClient.create();
  private final JdkFactories jdkFactories = new JdkFactories();

  public RestClientAdapter(boolean unused) {}

  @Override
  public int execute(Call call) throws Exception {
    RestClient client = call.timeout == null && !call.followRedirects ? byDefault : configured(call);
    RestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(call.method)).uri(call.uri);
    for (String[] header : call.headers) {
      request.header(header[0], header[1]);
    }
    if (call.body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(call.body);
    }
    try {
      return SpringStatus.of(request.retrieve().toBodilessEntity());
    } catch (RestClientResponseException | ResourceAccessException e) {
      return LayerOutcome.statusOrRethrow(e, SpringRequests::statusOf, ResourceAccessException.class);
    }
  }

  private RestClient configured(Call call) {
    return RestClient.builder().requestFactory(jdkFactories.forCall(call)).build();
  }
}
