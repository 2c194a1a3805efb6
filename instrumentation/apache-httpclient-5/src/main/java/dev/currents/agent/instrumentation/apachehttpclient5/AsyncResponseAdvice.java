package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.instrumentation.apachehttpclient5.bootstrap.HttpClient5Attempts;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Inlined into {@code handleResponse} of HttpClient's exec callbacks: the response head of an attempt has
 * arrived. It runs before the callback acts on it, so an attempt that the retry element resends ends before its
 * resend is scheduled. A response to a call the application cancelled already is {@code cancelled}.
 */
public final class AsyncResponseAdvice {

  private AsyncResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object callback, @Advice.Argument(0) HttpResponse response) {
    Object call = HttpClient5Attempts.callWaitingFor(callback);
    if (call != null) {
      HttpClient5Attempts.answered(
          callback, ((CancellableDependency) call).isCancelled(), response.getCode(), response, HttpClient5Messages.INSTANCE);
    }
  }
}
