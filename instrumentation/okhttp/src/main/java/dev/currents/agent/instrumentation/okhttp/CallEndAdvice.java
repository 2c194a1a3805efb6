package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.instrumentation.okhttp.bootstrap.OkHttpCalls;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code RealCall.getResponseWithInterceptorChain}, which runs every call's interceptors, for the
 * synchronous and the asynchronous path alike, and throws what the application will see: there OkHttp has
 * turned the failure of a call whose {@code callTimeout} fired into {@code InterruptedIOException("timeout")}.
 */
public final class CallEndAdvice {

  private CallEndAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Object call, @Advice.Thrown Throwable thrown) {
    OkHttpCalls.callEnded(call, thrown);
  }
}
