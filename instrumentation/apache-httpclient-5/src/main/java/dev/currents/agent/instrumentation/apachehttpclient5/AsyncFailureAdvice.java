package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.instrumentation.apachehttpclient5.bootstrap.HttpClient5Attempts;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.concurrent.CancellableDependency;

/**
 * Inlined into {@code failed} of HttpClient's exec callbacks: an attempt got no response. {@code Future.cancel}
 * arrives here as an {@code InterruptedIOException}, which is {@code cancelled}, as is any failure of a call the
 * application cancelled already.
 */
public final class AsyncFailureAdvice {

  private AsyncFailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object callback, @Advice.Argument(0) Exception failure) {
    Object call = HttpClient5Attempts.callWaitingFor(callback);
    if (call != null) {
      HttpClient5Attempts.failed(callback, ((CancellableDependency) call).isCancelled(), failure);
    }
  }
}
