package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.bootstrap.CurrentsRequests;
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
    HttpClient5Attempts.Pending pending = HttpClient5Attempts.takeFor(callback);
    if (pending != null) {
      boolean cancelled = ((CancellableDependency) pending.call()).isCancelled();
      CurrentsRequests.fail(pending.attempt(), cancelled ? HttpClient5Attempts.CANCELLED_BY_THE_APPLICATION : failure);
    }
  }
}
