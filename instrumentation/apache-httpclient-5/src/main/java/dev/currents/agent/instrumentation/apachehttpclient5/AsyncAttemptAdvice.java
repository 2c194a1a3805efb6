package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.apachehttpclient5.bootstrap.HttpClient5Attempts;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Inlined into {@code AsyncConnectExec.execute}: starts the attempt and leaves it to the exec callback, which
 * gets its response or failure later on the I/O reactor ({@link AsyncResponseAdvice}, {@link AsyncFailureAdvice}).
 * The request is the copy HttpClient made for this attempt and sends after this method returns, so a
 * {@code traceparent} added to it goes with this attempt only.
 */
public final class AsyncAttemptAdvice {

  private AsyncAttemptAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(
      @Advice.Argument(0) HttpRequest request,
      @Advice.Argument(2) AsyncExecChain.Scope scope,
      @Advice.Argument(4) AsyncExecCallback callback) {
    HttpHost target = scope.route.getTargetHost();
    if (!CurrentsRequests.isCurrents(target.getSchemeName(), target.getHostName(), target.getPort())) {
      return null;
    }
    Attempt attempt =
        HttpClient5Requests.start(request, target, HttpClient5Attempts.parentOf(scope.cancellableDependency));
    if (attempt == null) {
      return null;
    }
    HttpClient5Attempts.awaitCallback(callback, attempt, scope.cancellableDependency);
    return attempt;
  }

  /** A failure thrown here rather than handed to the callback ends the attempt at once. */
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Attempt attempt,
      @Advice.Argument(4) AsyncExecCallback callback,
      @Advice.Thrown Throwable thrown) {
    if (attempt != null && thrown != null) {
      HttpClient5Attempts.failed(callback, false, thrown);
    }
  }
}
