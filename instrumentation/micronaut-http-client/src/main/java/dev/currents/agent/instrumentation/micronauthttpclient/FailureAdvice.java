package dev.currents.agent.instrumentation.micronauthttpclient;

import dev.currents.agent.bootstrap.ParentHandover;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Http1ResponseHandler.exceptionCaught} (a failure of the connection or stream, its read
 * timeout) and {@code channelInactive} (closed, no failure given). Before the response's head, the attempt ends
 * without a response; after it, nothing more, but for a redirect's response cut short, which Micronaut still
 * follows, inside.
 */
public final class FailureAdvice {

  private FailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(
      @Advice.This Object handler, @Advice.Argument(value = 1, optional = true) Throwable failure) {
    return MicronautRequests.INSTANCE.fail(handler, failure);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object handedOver) {
    ParentHandover.restore(handedOver);
  }
}
