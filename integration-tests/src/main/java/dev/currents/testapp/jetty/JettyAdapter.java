package dev.currents.testapp.jetty;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;

/**
 * Jetty's HttpClient, blocking ({@code jetty}) or with a listener on Jetty's threads ({@code jetty-async}), through
 * the adapter written for the API on the class path: Jetty 12 moved the client's API out of {@code
 * org.eclipse.jetty.client.api}, so one adapter cannot be compiled for both. {@link Jetty12Adapter} is compiled
 * here; the adapter of the 9.4 to 11 API, {@code dev.currents.testapp.jetty9.Jetty9Adapter}, is compiled with its
 * version's class path (client-versions/jetty-httpclient-9.4.0), because this module's own Jetty 12 (the
 * simulated API's server) shares its artifacts.
 */
public final class JettyAdapter implements ClientAdapter, AutoCloseable {

  private final ClientAdapter adapter;

  public JettyAdapter(boolean async) throws ReflectiveOperationException {
    String name = isJetty12() ? Jetty12Adapter.class.getName() : "dev.currents.testapp.jetty9.Jetty9Adapter";
    adapter = (ClientAdapter) Class.forName(name).getConstructor(boolean.class).newInstance(async);
  }

  private static boolean isJetty12() {
    return JettyAdapter.class.getClassLoader().getResource("org/eclipse/jetty/client/transport/HttpRequest.class") != null;
  }

  @Override
  public int execute(Call call) throws Exception {
    return adapter.execute(call);
  }

  @Override
  public void close() throws Exception {
    ((AutoCloseable) adapter).close();
  }
}
