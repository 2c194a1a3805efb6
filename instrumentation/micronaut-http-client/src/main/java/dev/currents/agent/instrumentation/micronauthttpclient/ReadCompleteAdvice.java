package dev.currents.agent.instrumentation.micronauthttpclient;

import dev.currents.agent.bootstrap.ParentHandover;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Http1ResponseHandler.channelReadComplete}, where Micronaut hands on a response whose body
 * did not come in one read: a redirect it follows begins inside.
 */
public final class ReadCompleteAdvice {

  private ReadCompleteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object handler) {
    return MicronautRequests.INSTANCE.handOver(handler);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object handedOver) {
    ParentHandover.restore(handedOver);
  }
}
