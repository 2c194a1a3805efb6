package dev.currents.agent.instrumentation.micronauthttpclient;

import io.netty.channel.ChannelHandlerContext;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Http1ResponseHandler.handlerAdded}, which Netty calls as {@code sendRawRequest0} adds the
 * handler, before the request is written: the attempt being written on the connection goes with its handler.
 */
public final class HandlerAddedAdvice {

  private HandlerAddedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.This Object handler, @Advice.Argument(0) ChannelHandlerContext context) {
    MicronautRequests.INSTANCE.handlerAdded(handler, context.channel());
  }
}
