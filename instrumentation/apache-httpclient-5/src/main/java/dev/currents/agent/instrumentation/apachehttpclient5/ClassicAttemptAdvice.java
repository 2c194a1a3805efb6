package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.apachehttpclient5.bootstrap.HttpClient5Attempts;
import java.util.concurrent.CancellationException;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;

/**
 * Inlined into the classic {@code ConnectExec.execute}: one attempt, from leasing the connection to the response
 * head. The request is the copy HttpClient made for this attempt, so a {@code traceparent} added to it goes with
 * this attempt only.
 */
public final class ClassicAttemptAdvice {

  private ClassicAttemptAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(
      @Advice.Argument(0) ClassicHttpRequest request, @Advice.Argument(1) ExecChain.Scope scope) {
    HttpHost target = scope.route.getTargetHost();
    if (!CurrentsRequests.isCurrents(target.getSchemeName(), target.getHostName(), target.getPort())) {
      return null;
    }
    return HttpClient5Requests.start(request, target, null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Attempt attempt,
      @Advice.Argument(1) ExecChain.Scope scope,
      @Advice.Return ClassicHttpResponse response,
      @Advice.Thrown Throwable thrown) {
    if (attempt == null) {
      return;
    }
    if (response != null) {
      CurrentsRequests.end(attempt, response.getCode(), response, HttpClient5Messages.INSTANCE);
    } else if (scope.execRuntime.isExecutionAborted()) {
      // cancel() shuts the connection down under a read, which then fails as a plain "Socket closed".
      CurrentsRequests.fail(attempt, new CancellationException(HttpClient5Attempts.CLIENT + " request cancelled"));
    } else {
      CurrentsRequests.fail(attempt, thrown);
    }
  }
}
