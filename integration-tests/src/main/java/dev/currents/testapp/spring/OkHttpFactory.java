package dev.currents.testapp.spring;

import dev.currents.testapp.Call;
import dev.currents.testapp.okhttp.OkHttpClients;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.OkHttp3ClientHttpRequestFactory;

/**
 * Spring's OkHttp factory (5.3 to 6.x; Spring 7 removed it) on the shared OkHttp client. A class of its own, so
 * that the adapters load on a Spring or a class path without it.
 */
final class OkHttpFactory {

  private OkHttpFactory() {}

  static ClientHttpRequestFactory forCall(Call call) {
    return new OkHttp3ClientHttpRequestFactory(OkHttpClients.forCall(call));
  }

  static void shutDown() {
    OkHttpClients.shutDown();
  }
}
