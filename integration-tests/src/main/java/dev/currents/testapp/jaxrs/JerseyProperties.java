package dev.currents.testapp.jaxrs;

import dev.currents.testapp.Call;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Jersey client properties of a call, set per request ({@code Invocation.Builder.property}): its connect
 * and read timeouts and whether to follow redirects (Jersey's {@code ClientProperties}, by name, so that the
 * javax and the jakarta adapters share them).
 */
public final class JerseyProperties {

  private JerseyProperties() {}

  public static Map<String, Object> of(Call call) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("jersey.config.client.followRedirects", call.followRedirects);
    if (call.timeout != null) {
      int millis = (int) call.timeout.toMillis();
      properties.put("jersey.config.client.connectTimeout", millis);
      properties.put("jersey.config.client.readTimeout", millis);
    }
    return properties;
  }
}
