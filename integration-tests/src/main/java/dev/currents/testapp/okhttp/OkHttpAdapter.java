package dev.currents.testapp.okhttp;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * OkHttp with {@code execute()}, or with {@code enqueue()}, whose callback runs on a thread of OkHttp's
 * dispatcher. {@code cancelAfterMs} calls {@code Call.cancel()} from another thread.
 */
public final class OkHttpAdapter extends OnOkHttp<okhttp3.Call> {

  public OkHttpAdapter(boolean async) {
    super(async);
  }

  @Override
  protected okhttp3.Call newCall(Call call) {
    return OkHttpClients.forCall(call).newCall(OkHttpClients.request(call));
  }

  @Override
  protected int execute(okhttp3.Call okCall, Call call) throws IOException {
    Cancellation.Pending cancel = Cancellation.after(call, okCall::cancel);
    try (Response response = okCall.execute()) {
      return response.code();
    } finally {
      cancel.close();
    }
  }

  @Override
  protected int enqueue(okhttp3.Call okCall, Call call) throws Exception {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    okCall.enqueue(
        new Callback() {
          @Override
          public void onFailure(okhttp3.Call failed, IOException e) {
            status.completeExceptionally(e);
          }

          @Override
          public void onResponse(okhttp3.Call answered, Response response) {
            try (response) {
              status.complete(response.code());
            }
          }
        });
    return Cancellation.await(status, call, okCall::cancel);
  }
}
