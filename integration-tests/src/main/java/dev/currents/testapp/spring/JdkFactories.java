package dev.currents.testapp.spring;

import dev.currents.testapp.Call;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Spring's {@code JdkClientHttpRequestFactory} (6.1 and later) as a call describes it: on a JDK client with the
 * call's connect timeout and redirect policy, with the call's read timeout, which Spring enforces by cancelling the
 * JDK client's request.
 */
final class JdkFactories {

  /** One JDK client per connect timeout and redirect policy, as an application keeps its clients. */
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

  JdkClientHttpRequestFactory forCall(Call call) {
    HttpClient client =
        clients.computeIfAbsent(
            call.timeout + " " + call.followRedirects,
            unused -> {
              HttpClient.Builder builder =
                  HttpClient.newBuilder()
                      .followRedirects(call.followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
              if (call.timeout != null) {
                builder.connectTimeout(call.timeout);
              }
              return builder.build();
            });
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    if (call.timeout != null) {
      factory.setReadTimeout(call.timeout);
    }
    return factory;
  }
}
