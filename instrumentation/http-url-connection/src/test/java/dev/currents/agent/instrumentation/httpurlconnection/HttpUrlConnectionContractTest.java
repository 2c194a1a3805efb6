package dev.currents.agent.instrumentation.httpurlconnection;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;

/**
 * The JDK's {@code HttpURLConnection}, woven in this JVM, against the shared client contract. The JDK's classes
 * call the bridge from the bootstrap loader: the services file of this module's tests registers {@code
 * BootstrapBridgeListener}, which puts the bridge there before anything loads it.
 */
class HttpUrlConnectionContractTest extends ClientContract {

  HttpUrlConnectionContractTest() {
    super("http-url-connection");
  }

  @Override
  protected ContractClient client() {
    return new UrlConnectionClient();
  }
}
