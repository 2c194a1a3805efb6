package dev.currents.agent.instrumentation.micronauthttpclient;

import io.micronaut.core.execution.ExecutionFlow;
import io.micronaut.http.MutableHttpRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code DefaultHttpClient.sendRequestWithRedirectsNoFilter}, which each hop of a call passes once,
 * its request's URI absolute: it connects, then writes the request. The flow it returns fails, among other ways,
 * when the connection cannot be made, before any request is written.
 */
public final class HopAdvice {

  private HopAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter(@Advice.Argument(3) MutableHttpRequest<?> request) {
    return MicronautRequests.INSTANCE.hop(request);
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Enter boolean currents,
      @Advice.Argument(3) MutableHttpRequest<?> request,
      @Advice.Return(readOnly = false) ExecutionFlow<?> flow) {
    if (currents) {
      flow = MicronautRequests.INSTANCE.watch(request, flow);
    }
  }
}
