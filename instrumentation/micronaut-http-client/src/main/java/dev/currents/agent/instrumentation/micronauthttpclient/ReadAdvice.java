package dev.currents.agent.instrumentation.micronauthttpclient;

import dev.currents.agent.bootstrap.ParentHandover;
import io.netty.handler.codec.http.HttpObject;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Http1ResponseHandler.channelReadInstrumented}, which reads each part of the response, its
 * head first; a redirect Micronaut follows begins inside, once the last part is read.
 */
public final class ReadAdvice {

  private ReadAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(@Advice.This Object handler, @Advice.Argument(1) HttpObject message) {
    return MicronautRequests.INSTANCE.read(handler, message);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Object handedOver, @Advice.This Object handler, @Advice.Argument(1) HttpObject message) {
    ParentHandover.restore(handedOver);
    MicronautRequests.INSTANCE.afterRead(handler, message);
  }
}
