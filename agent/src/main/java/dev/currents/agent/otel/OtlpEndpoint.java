package dev.currents.agent.otel;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;

/**
 * The URL one signal is sent to, from {@code currents.agent.otlp.endpoint}: the base URL with
 * {@code /v1/traces} or {@code /v1/metrics} appended, as OpenTelemetry does with
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}. User info in the base URL is taken off the URL (it would be printed) and
 * sent as HTTP Basic credentials.
 */
public final class OtlpEndpoint {

  private final String url;
  private final Map<String, String> headers;

  private OtlpEndpoint(String url, Map<String, String> headers) {
    this.url = url;
    this.headers = headers;
  }

  /** @param signal {@code traces} or {@code metrics} */
  public static OtlpEndpoint of(URI base, String signal) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String url;
    try {
      url = new URI(base.getScheme(), null, base.getHost(), base.getPort(), null, null, null) + path + "/v1/" + signal;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot make an OTLP URL of " + base.getHost(), e);
    }
    String userInfo = base.getRawUserInfo();
    if (userInfo == null) {
      return new OtlpEndpoint(url, Collections.emptyMap());
    }
    String credentials = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    return new OtlpEndpoint(url, Collections.singletonMap("Authorization", "Basic " + basic));
  }

  /** The URL without user info: safe to print. */
  public String url() {
    return url;
  }

  /** Headers every request to it carries: the credentials, if the base URL had some. Never print them. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return url;
  }
}
