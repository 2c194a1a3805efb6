package dev.currents.testapp.okhttp;

import dev.currents.testapp.Call;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OkHttp clients and requests as a call describes them, for OkHttp and what runs on it. Written against the API
 * that OkHttp 3.14 to 5.x share.
 */
public final class OkHttpClients {

  /** One client whose connection pool and dispatcher every call shares, as in an application. */
  private static final OkHttpClient SHARED = new OkHttpClient();

  private static final MediaType JSON = MediaType.parse("application/json");

  private OkHttpClients() {}

  /** The shared client with the call's timeouts and redirect policy; it keeps the shared pool and dispatcher. */
  public static OkHttpClient forCall(Call call) {
    OkHttpClient.Builder client =
        SHARED.newBuilder().followRedirects(call.followRedirects).followSslRedirects(call.followRedirects);
    if (call.timeout != null) {
      long millis = call.timeout.toMillis();
      client
          .connectTimeout(millis, TimeUnit.MILLISECONDS)
          .readTimeout(millis, TimeUnit.MILLISECONDS)
          .writeTimeout(millis, TimeUnit.MILLISECONDS);
    }
    if (call.callTimeout != null) {
      client.callTimeout(call.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return client.build();
  }

  /** Stops the dispatcher's threads, which are not daemons, and closes the pooled connections. */
  public static void shutDown() {
    SHARED.dispatcher().executorService().shutdown();
    evictIdleConnections();
  }

  public static void evictIdleConnections() {
    SHARED.connectionPool().evictAll();
  }

  public static Request request(Call call) {
    Request.Builder request = new Request.Builder().url(call.uri.toString()).method(call.method, body(call));
    for (String[] header : call.headers) {
      request.addHeader(header[0], header[1]);
    }
    return request.build();
  }

  /** The call's JSON body; an empty one for methods OkHttp refuses without a body; else none. */
  public static RequestBody body(Call call) {
    if (call.body != null) {
      return RequestBody.create(JSON, call.body);
    }
    boolean needsOne = call.method.equals("POST") || call.method.equals("PUT") || call.method.equals("PATCH");
    return needsOne ? RequestBody.create(JSON, "") : null;
  }
}
