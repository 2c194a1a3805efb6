package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp's blocking {@code execute}, woven in this JVM, against the shared client contract. */
class OkHttpContractTest extends ClientContract {

  OkHttpContractTest() {
    super("okhttp");
  }

  @Override
  protected ContractClient client() {
    OkHttpClient client = new OkHttpClient();
    return request -> {
      try (Response response = client.newBuilder()
          .readTimeout(request.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .build()
          .newCall(okHttpRequest(request))
          .execute()) {
        return response.code();
      }
    };
  }

  private static Request okHttpRequest(ContractRequest request) {
    Request.Builder builder = new Request.Builder().url(request.uri().toString());
    request.headers().forEach(builder::header);
    RequestBody body =
        request.body() == null ? null : RequestBody.create(MediaType.get("application/json"), request.body());
    return builder.method(request.method(), body).build();
  }
}
