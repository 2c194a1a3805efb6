package dev.currents.agent.instrumentation.armeriaclient;

import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.client.Endpoint;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.SessionProtocol;
import dev.currents.agent.bootstrap.CurrentsRequests;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientDelegate.execute}, which takes each request Armeria sends, before it resolves,
 * connects and writes: the context names the target (no endpoint: Armeria fails the request at once, with none).
 * The request it sends is the context's, which must stay the one it is given.
 */
public final class ExecuteAdvice {

  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(
      @Advice.Argument(0) ClientRequestContext context,
      @Advice.Argument(value = 1, readOnly = false) HttpRequest request) {
    Endpoint endpoint = context.endpoint();
    if (endpoint == null) {
      return;
    }
    SessionProtocol protocol = context.sessionProtocol();
    String scheme = protocol.isTls() ? "https" : "http";
    int port = endpoint.hasPort() ? endpoint.port() : protocol.defaultPort();
    if (CurrentsRequests.isCurrents(scheme, endpoint.host(), port)) {
      request = ArmeriaRequests.INSTANCE.execute(context, request, scheme, endpoint.host(), port);
    }
  }
}
