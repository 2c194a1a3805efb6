package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.bootstrap.HeaderInjector;
import okhttp3.Request;

/**
 * The headers of OkHttp's requests, for the bridge; a helper defined beside each copy of OkHttp. Requests are
 * immutable: one that gets a header is a copy, which the advice sends instead.
 */
public final class OkHttpRequests implements HeaderInjector<Request> {

  public static final OkHttpRequests INSTANCE = new OkHttpRequests();

  private OkHttpRequests() {}

  @Override
  public String first(Request request, String name) {
    return request.header(name);
  }

  @Override
  public Request with(Request request, String name, String value) {
    return request.newBuilder().header(name, value).build();
  }
}
