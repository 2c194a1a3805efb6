package dev.currents.testapp.okhttp;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;

/**
 * An adapter of a client that sends through OkHttp's shared client ({@link OkHttpClients}): OkHttp itself, or a
 * library on top of it. It makes its own kind of call, and runs it blocking or with a callback.
 *
 * @param <C> the library's call
 */
public abstract class OnOkHttp<C> implements ClientAdapter, AutoCloseable {

  private final boolean async;

  protected OnOkHttp(boolean async) {
    this.async = async;
  }

  protected abstract C newCall(Call call);

  /** Runs the call on the caller's thread; the status, or what the library threw. */
  protected abstract int execute(C libraryCall, Call call) throws Exception;

  /** Runs the call with a callback, which the library runs on a thread of its own. */
  protected abstract int enqueue(C libraryCall, Call call) throws Exception;

  @Override
  public final int execute(Call call) throws Exception {
    C libraryCall = newCall(call);
    try {
      return async ? enqueue(libraryCall, call) : execute(libraryCall, call);
    } finally {
      if (call.callTimeout != null || call.cancelAfter != null) {
        // OkHttp before 4.5 could take a connection that a cancel had closed back from its pool and retry on it
        // forever (fixed in 4.5.0: "stale or canceled connections were incorrectly attempted"); a later call of
        // the suite then never returns. Not what the suite tests, so such connections are not left to it.
        OkHttpClients.evictIdleConnections();
      }
    }
  }

  /** Releases OkHttp's threads, as an application does when it stops. */
  @Override
  public final void close() {
    OkHttpClients.shutDown();
  }
}
