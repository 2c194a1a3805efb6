package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.okhttp.bootstrap.OkHttpCalls;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Inlined into {@code ConnectInterceptor.intercept}, which every attempt of a call passes once: the first
 * request, each retry after a connection failure and each redirect or authentication follow-up. It sees the
 * network request (with the headers OkHttp and the application set), and the response or the failure, refused
 * connections and connect timeouts included, which never reach a network interceptor.
 */
public final class AttemptAdvice {

  private AttemptAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(@Advice.Argument(0) Interceptor.Chain chain) {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (!CurrentsRequests.isCurrents(url.scheme(), url.host(), url.port())) {
      return null;
    }
    Attempt attempt =
        CurrentsRequests.start(
            OkHttpCalls.CLIENT,
            request.method(),
            url.uri(),
            request,
            OkHttpRequests.INSTANCE,
            OkHttpCalls.parentOf(chain.call()));
    OkHttpCalls.attemptStarted(attempt);
    return attempt;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter Attempt attempt,
      @Advice.Argument(0) Interceptor.Chain chain,
      @Advice.Return Response response,
      @Advice.Thrown Throwable thrown) {
    if (attempt == null) {
      return;
    }
    OkHttpCalls.attemptSent();
    if (response != null) {
      CurrentsRequests.end(attempt, response.code(), response, OkHttpResponses.INSTANCE);
    } else {
      OkHttpCalls.attemptFailed(attempt, thrown, chain.call(), chain.call().isCanceled());
    }
  }
}
