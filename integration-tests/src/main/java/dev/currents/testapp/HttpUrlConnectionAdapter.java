package dev.currents.testapp;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/**
 * {@code HttpURLConnection} as applications use it: headers, an optional body, then {@code getResponseCode}
 * and the body from {@code getInputStream} or {@code getErrorStream}.
 */
final class HttpUrlConnectionAdapter implements ClientAdapter {

  @Override
  public int execute(Call call) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) call.uri.toURL().openConnection();
    connection.setRequestMethod(call.method);
    connection.setInstanceFollowRedirects(call.followRedirects);
    for (String[] header : call.headers) {
      connection.setRequestProperty(header[0], header[1]);
    }
    if (call.timeout != null) {
      connection.setConnectTimeout((int) call.timeout.toMillis());
      connection.setReadTimeout((int) call.timeout.toMillis());
    }
    if (call.body != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(call.body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = connection.getResponseCode();
    connection.getHeaderField("Content-Type");
    try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    }
    return status;
  }
}
