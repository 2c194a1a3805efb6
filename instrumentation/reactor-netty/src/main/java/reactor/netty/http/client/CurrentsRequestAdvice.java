package reactor.netty.http.client;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.reactornetty.bootstrap.ReactorNettyAttempts;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code HttpClientHandler}'s constructor, which {@code MonoHttpConnect.subscribe} runs
 * once per request on the thread that subscribes ({@code block()}, {@code subscribe}): the last moment on the
 * application's thread, where its span is current. The attempts start later on an event loop, so a Currents
 * request keeps that span here as their parent. Other hosts pay the host check only.
 */
public final class CurrentsRequestAdvice {

  private CurrentsRequestAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object handler, @Advice.FieldValue("toURI") UriEndpoint target) {
    if (CurrentsRequests.isCurrents(target.scheme, target.host, target.port)) {
      ReactorNettyAttempts.subscribed(handler);
    }
  }
}
