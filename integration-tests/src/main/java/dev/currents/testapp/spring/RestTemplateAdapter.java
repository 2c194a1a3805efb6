package dev.currents.testapp.spring;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;
import dev.currents.testapp.LayerOutcome;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.function.Function;
import org.springframework.http.RequestEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

/**
 * Spring's {@code RestTemplate}, blocking, on the factory an application picks: the default
 * {@code SimpleClientHttpRequestFactory} (HttpURLConnection), {@code OkHttp3ClientHttpRequestFactory}, or
 * {@code JdkClientHttpRequestFactory} (6.1 and later; {@link RestTemplateOnJdkAdapter}). By default it throws on a
 * 4xx or 5xx, and wraps I/O failures in {@code ResourceAccessException} ({@link LayerOutcome}). Compiled against
 * Spring 6.2, calling only what 5.3 to 7.0 share.
 */
public class RestTemplateAdapter implements ClientAdapter, AutoCloseable {

  private final Function<Call, ClientHttpRequestFactory> factories;
  private final boolean onOkHttp;

  /** {@code onOkHttp}: the OkHttp factory, else the default one. */
  public RestTemplateAdapter(boolean onOkHttp) {
    this(onOkHttp ? OkHttpFactory::forCall : RestTemplateAdapter::onHttpUrlConnection, onOkHttp);
  }

  RestTemplateAdapter(Function<Call, ClientHttpRequestFactory> factories, boolean onOkHttp) {
    this.factories = factories;
    this.onOkHttp = onOkHttp;
  }

  @Override
  public final int execute(Call call) throws Exception {
    RestTemplate template = new RestTemplate(factories.apply(call));
    try {
      return SpringStatus.of(template.exchange(SpringRequests.entity(call), byte[].class));
    } catch (RestClientResponseException | ResourceAccessException e) {
      return LayerOutcome.statusOrRethrow(e, SpringRequests::statusOf, ResourceAccessException.class);
    }
  }

  /**
   * The default factory, which follows redirects of GETs whatever the application wants: an application that
   * wants a 3xx back overrides {@code prepareConnection}, as here.
   */
  private static ClientHttpRequestFactory onHttpUrlConnection(Call call) {
    SimpleClientHttpRequestFactory factory =
        new SimpleClientHttpRequestFactory() {
          @Override
          protected void prepareConnection(HttpURLConnection connection, String method) throws IOException {
            super.prepareConnection(connection, method);
            connection.setInstanceFollowRedirects(call.followRedirects);
          }
        };
    if (call.timeout != null) {
      factory.setConnectTimeout((int) call.timeout.toMillis());
      factory.setReadTimeout((int) call.timeout.toMillis());
    }
    return factory;
  }

  /** Lets OkHttp's threads go, when this adapter used them. */
  @Override
  public final void close() {
    if (onOkHttp) {
      OkHttpFactory.shutDown();
    }
  }
}
