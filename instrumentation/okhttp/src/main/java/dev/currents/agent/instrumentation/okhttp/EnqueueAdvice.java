package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.okhttp.bootstrap.OkHttpCalls;
import net.bytebuddy.asm.Advice;
import okhttp3.Call;
import okhttp3.HttpUrl;

/**
 * Inlined into {@code RealCall.enqueue}, on the application's thread: an asynchronous call's attempts run on
 * OkHttp's dispatcher threads, where the application's span is not current, so the call keeps it for them.
 */
public final class EnqueueAdvice {

  private EnqueueAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Call call) {
    HttpUrl url = call.request().url();
    if (CurrentsRequests.isCurrents(url.scheme(), url.host(), url.port())) {
      OkHttpCalls.enqueued(call);
    }
  }
}
