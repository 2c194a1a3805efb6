package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.instrumentation.okhttp.bootstrap.OkHttpCalls;
import net.bytebuddy.asm.Advice;
import okhttp3.Request;

/**
 * Inlined into {@code Exchange.writeRequestHeaders}, where the attempt's request is about to go on the wire:
 * OkHttp's requests are immutable and the interceptor chain hands the same one down, so the agent's
 * {@code traceparent} goes into the copy that is written, once per attempt.
 */
public final class TraceparentAdvice {

  private TraceparentAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 0, readOnly = false) Request request) {
    request = CurrentsHeaders.propagate(OkHttpCalls.attemptToSend(), request, OkHttpRequests.INSTANCE);
  }
}
