package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.bootstrap.HeaderGetter;
import okhttp3.Response;

/** The headers of OkHttp's responses, for the bridge; a helper defined beside each copy of OkHttp. */
public final class OkHttpResponses implements HeaderGetter<Response> {

  public static final OkHttpResponses INSTANCE = new OkHttpResponses();

  private OkHttpResponses() {}

  @Override
  public String first(Response response, String name) {
    return response.header(name);
  }
}
