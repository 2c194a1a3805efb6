package dev.currents.agent.instrumentation.apachehttpclient5.bootstrap;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CallParents;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.HeaderGetter;
import dev.currents.agent.bootstrap.OpenAttempts;
import dev.currents.agent.bootstrap.WeakIdentityMap;

/**
 * What the advice of HttpClient 5 calls: starting an attempt from the facts of a request, and, for the async
 * client, the attempts waiting for their exec callback to get a response or a failure.
 *
 * <p>Loaded by the bootstrap class loader, shared by every copy of HttpClient: it sees callbacks only as objects.
 */
public final class HttpClient5Attempts {

  public static final String CLIENT = "apache-httpclient-5";

  /**
   * Async attempts waiting for their exec callback to get a response or a failure. One whose call the application
   * cancelled is cancelled: with hard cancellation (the default) the exchange fails with an {@code
   * InterruptedIOException}, which says as much; but on a pooled connection {@code AsyncConnectExec} replaces the
   * exchange as the call's cancellation dependency with the finished connection lease, so the exchange runs on and
   * its response still arrives.
   */
  private static final OpenAttempts<Object> WAITING_FOR_THEIR_CALLBACK = new OpenAttempts<>("HttpClient 5 Future.cancel()");
  /** The call of each callback that an attempt waits for: it tells whether the application cancelled it. */
  private static final WeakIdentityMap<Object, Object> CALL_OF_CALLBACK = new WeakIdentityMap<>();
  private static final CallParents PARENT_OF_CALL = new CallParents();

  private HttpClient5Attempts() {}

  /**
   * Starts an attempt to a Currents host.
   *
   * @param path the request's path as HttpClient keeps it: {@code /v1/runs?x=1}, or the absolute URI sent to a proxy
   * @param parent the parent of the attempt's span, null for the one current here
   */
  public static <R> Attempt start(
      String method,
      String scheme,
      String host,
      int port,
      String path,
      R request,
      HeaderGetter<? super R> headers,
      Object parent) {
    String pathAndQuery = path == null ? "" : path;
    if (!pathAndQuery.startsWith("/")) {
      int afterAuthority = pathAndQuery.indexOf('/', pathAndQuery.indexOf("//") + 2);
      int query = pathAndQuery.indexOf('?');
      pathAndQuery =
          afterAuthority < 0 || (query >= 0 && query < afterAuthority) ? "/" : pathAndQuery.substring(afterAuthority);
    }
    int query = pathAndQuery.indexOf('?');
    return CurrentsRequests.start(
        CLIENT,
        method,
        scheme,
        host,
        port,
        query < 0 ? pathAndQuery : pathAndQuery.substring(0, query),
        query < 0 ? null : pathAndQuery.substring(query + 1),
        request,
        headers,
        parent);
  }

  /**
   * The parent of an async attempt of {@code call}: the application's span where its first attempt started, on the
   * application's thread, and kept for the redirect hops and resends that start on the I/O reactor's threads.
   *
   * @param call the call's {@code CancellableDependency}, the same object for all its attempts
   */
  public static Object parentOf(Object call) {
    return PARENT_OF_CALL.keptOrCurrent(call);
  }

  /**
   * The attempt ends when {@code callback} gets the response head or a failure.
   *
   * @param call the call's {@code CancellableDependency}, its {@code Future}, which tells whether it was cancelled
   */
  public static void awaitCallback(Object callback, Attempt attempt, Object call) {
    CALL_OF_CALLBACK.put(callback, call);
    WAITING_FOR_THEIR_CALLBACK.open(callback, attempt);
  }

  /**
   * The call ({@code CancellableDependency}, as an object: only the advice can see its type) of the attempt
   * waiting for {@code callback}, or null when none waits. Runs for every exec callback of every request, to any
   * host: one emptiness check while no attempt waits.
   */
  public static Object callWaitingFor(Object callback) {
    return WAITING_FOR_THEIR_CALLBACK.get(callback) == null ? null : CALL_OF_CALLBACK.remove(callback);
  }

  /** The response head of the attempt waiting for {@code callback} arrived. */
  public static <S> void answered(
      Object callback, boolean callCancelled, int status, S response, HeaderGetter<? super S> headers) {
    if (callCancelled) {
      WAITING_FOR_THEIR_CALLBACK.cancel(callback);
    } else {
      WAITING_FOR_THEIR_CALLBACK.answer(callback, status, response, headers);
    }
  }

  /** The attempt waiting for {@code callback} failed. */
  public static void failed(Object callback, boolean callCancelled, Throwable failure) {
    CALL_OF_CALLBACK.remove(callback);
    if (callCancelled) {
      WAITING_FOR_THEIR_CALLBACK.cancel(callback);
    } else {
      WAITING_FOR_THEIR_CALLBACK.fail(callback, failure);
    }
  }
}
