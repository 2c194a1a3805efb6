package dev.currents.testapp.retrofit;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.okhttp.OkHttpClients;
import dev.currents.testapp.okhttp.OnOkHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.ResponseBody;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Retrofit on OkHttp, with {@code execute()} or {@code enqueue()}. Retrofit hands a 4xx or 5xx to the caller as
 * a response, like OkHttp, so the status is the call's outcome either way.
 */
public final class RetrofitAdapter extends OnOkHttp<retrofit2.Call<ResponseBody>> {

  public RetrofitAdapter(boolean async) {
    super(async);
  }

  @Override
  protected int execute(retrofit2.Call<ResponseBody> retrofitCall, Call call) throws Exception {
    Cancellation.Pending cancel = Cancellation.after(call, retrofitCall::cancel);
    try {
      return closed(retrofitCall.execute());
    } finally {
      cancel.close();
    }
  }

  @Override
  protected int enqueue(retrofit2.Call<ResponseBody> retrofitCall, Call call) throws Exception {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    retrofitCall.enqueue(
        new Callback<ResponseBody>() {
          @Override
          public void onResponse(retrofit2.Call<ResponseBody> answered, Response<ResponseBody> response) {
            status.complete(closed(response));
          }

          @Override
          public void onFailure(retrofit2.Call<ResponseBody> failed, Throwable t) {
            status.completeExceptionally(t);
          }
        });
    return Cancellation.await(status, call, retrofitCall::cancel);
  }

  @Override
  protected retrofit2.Call<ResponseBody> newCall(Call call) {
    CurrentsService service =
        new Retrofit.Builder()
            .baseUrl(call.uri.resolve("/").toString())
            .client(OkHttpClients.forCall(call))
            .build()
            .create(CurrentsService.class);
    String url = call.uri.toString();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String[] header : call.headers) {
      headers.put(header[0], header[1]);
    }
    switch (call.method) {
      case "GET":
        return service.get(url, headers);
      case "DELETE":
        return service.delete(url, headers);
      case "POST":
        return service.post(url, headers, OkHttpClients.body(call));
      case "PUT":
        return service.put(url, headers, OkHttpClients.body(call));
      default:
        throw new IllegalArgumentException("no Retrofit method for " + call.method);
    }
  }

  /** The status, after closing whichever body the response has. */
  private static int closed(Response<ResponseBody> response) {
    ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
    if (body != null) {
      body.close();
    }
    return response.code();
  }
}
