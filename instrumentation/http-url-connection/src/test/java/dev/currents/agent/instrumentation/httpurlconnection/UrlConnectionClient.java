package dev.currents.agent.instrumentation.httpurlconnection;

import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** Sends a contract request as an application using {@code HttpURLConnection} does. */
final class UrlConnectionClient implements ContractClient {

  @Override
  public int send(ContractRequest request) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
    connection.setRequestMethod(request.method());
    connection.setReadTimeout((int) request.readTimeout().toMillis());
    request.headers().forEach(connection::setRequestProperty);
    if (request.body() != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(request.body().getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = connection.getResponseCode();
    // Read to the end, so that the connection is kept alive for the next request, as an application would.
    try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    }
    return status;
  }
}
