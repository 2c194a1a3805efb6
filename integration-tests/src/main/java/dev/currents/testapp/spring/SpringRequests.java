package dev.currents.testapp.spring;

import dev.currents.testapp.Call;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.web.client.RestClientResponseException;

/** Spring's side of a call: the request entity, and the status of the exception an error response became. */
final class SpringRequests {

  private SpringRequests() {}

  static RequestEntity<?> entity(Call call) {
    RequestEntity.BodyBuilder request = RequestEntity.method(HttpMethod.valueOf(call.method), call.uri);
    for (String[] header : call.headers) {
      request.header(header[0], header[1]);
    }
    return call.body == null ? request.build() : request.contentType(MediaType.APPLICATION_JSON).body(call.body);
  }

  /** The status of a {@code RestClientResponseException} ({@code HttpClientErrorException}, ...); else -1. */
  static int statusOf(Throwable thrown) {
    return thrown instanceof RestClientResponseException ? SpringStatus.of(thrown) : -1;
  }
}
