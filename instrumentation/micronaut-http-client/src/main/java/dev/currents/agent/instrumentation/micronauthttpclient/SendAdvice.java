package dev.currents.agent.instrumentation.micronauthttpclient;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import io.micronaut.core.execution.DelayedExecutionFlow;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.netty.ConnectionManager;
import java.net.URI;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code DefaultHttpClient.sendRawRequest0}, on the connection's event loop: it adds the request's
 * response handler to the connection, then writes the request's head (and body), which {@code head} is the Netty
 * form of, and {@code response} the flow of its response.
 */
public final class SendAdvice {

  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(
      @Advice.Argument(0) ConnectionManager.PoolHandle connection,
      @Advice.Argument(1) HttpRequest<?> request,
      @Advice.Argument(3) DelayedExecutionFlow<?> response,
      @Advice.Argument(4) io.netty.handler.codec.http.HttpRequest head) {
    URI uri = request.getUri();
    if (!CurrentsRequests.isCurrents(uri)) {
      return null;
    }
    return MicronautRequests.INSTANCE.send(connection.channel(), request, uri, head, response);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Attempt attempt,
      @Advice.Argument(0) ConnectionManager.PoolHandle connection,
      @Advice.Argument(4) io.netty.handler.codec.http.HttpRequest head,
      @Advice.Thrown Throwable thrown) {
    if (attempt != null) {
      MicronautRequests.INSTANCE.sent(attempt, connection.channel(), head.headers(), thrown);
    }
  }
}
