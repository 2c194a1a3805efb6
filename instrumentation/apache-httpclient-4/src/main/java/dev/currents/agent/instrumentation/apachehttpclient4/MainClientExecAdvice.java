package dev.currents.agent.instrumentation.apachehttpclient4;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.bootstrap.CurrentsRequests;
import java.net.URI;
import java.util.concurrent.CancellationException;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpExecutionAware;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.conn.routing.HttpRoute;

/**
 * Inlined into {@code MainClientExec.execute}, which runs once per attempt. The target comes from the route (the
 * request line is relative there, unless a proxy is used); the headers are those the application and the
 * protocol interceptors set.
 *
 * <p>With propagation on, the attempt's {@code traceparent} is set on the request wrapper, which {@code RetryExec}
 * and {@code ServiceUnavailableRetryExec} send again as it is: set, not added, so each attempt carries its own.
 * A {@code traceparent} the application put on its request is left as it is.
 */
public final class MainClientExecAdvice {

  private MainClientExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(
      @Advice.Argument(0) HttpRoute route, @Advice.Argument(1) HttpRequestWrapper request) {
    HttpHost target = route.getTargetHost();
    if (!CurrentsRequests.isCurrents(target.getSchemeName(), target.getHostName(), target.getPort())) {
      return null;
    }
    URI uri = request.getURI();
    Attempt attempt =
        CurrentsRequests.start(
            ApacheHttpClient4Instrumentation.CLIENT,
            request.getRequestLine().getMethod(),
            target.getSchemeName(),
            target.getHostName(),
            target.getPort(),
            uri.getRawPath(),
            uri.getRawQuery(),
            request,
            HttpClient4Messages.INSTANCE,
            null);
    CurrentsHeaders.propagate(attempt, request, HttpClient4Attempts.INSTANCE);
    return attempt;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Attempt attempt,
      @Advice.Argument(3) HttpExecutionAware execAware,
      @Advice.Return CloseableHttpResponse response,
      @Advice.Thrown Throwable thrown) {
    if (attempt == null) {
      return;
    }
    if (response != null) {
      CurrentsRequests.end(attempt, response.getStatusLine().getStatusCode(), response, HttpClient4Messages.INSTANCE);
    } else if (execAware != null && execAware.isAborted()) {
      // abort() closes the connection under a read, which then fails as a plain "Socket closed".
      CurrentsRequests.fail(attempt, new CancellationException("HttpClient 4 request aborted"));
    } else {
      CurrentsRequests.fail(attempt, thrown);
    }
  }
}
