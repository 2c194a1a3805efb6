package dev.currents.it;

import dev.currents.simapi.SimulatedCurrentsApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The simulated Currents API as the tests set it up, and what an application needs to reach it. */
final class TestApi {

  static final String RW_KEY = "rw-key-it";
  static final String RO_KEY = "ro-key-it";
  static final String RECORD_KEY = "record-key-it";
  /** Keys of their own for tests in which several clients are throttled at once. */
  static final String[] MORE_RW_KEYS = {"rw-a", "rw-b", "rw-c", "rw-d", "rw-e", "rw-f", "rw-g", "rw-h"};
  static final String TRUST_STORE_PASSWORD = "changeit";

  final SimulatedCurrentsApi api;
  final Path trustStore;
  /** A loopback port nothing listens on, listed as a Currents host so that refused connections count. */
  final int closedPort;

  /** Never closed: closing a reservation would free its port. */
  private static final List<Socket> RESERVED = new CopyOnWriteArrayList<>();

  private TestApi(SimulatedCurrentsApi api, Path trustStore, int closedPort) {
    this.api = api;
    this.trustStore = trustStore;
    this.closedPort = closedPort;
  }

  static TestApi start() {
    try {
      SimulatedCurrentsApi api =
          SimulatedCurrentsApi.builder()
              .readWriteKeys(RW_KEY)
              .readWriteKeys(MORE_RW_KEYS)
              .readOnlyKeys(RO_KEY)
              .recordKeys(RECORD_KEY)
              .start();
      Path trustStore = api.writeTrustStore(Files.createTempDirectory("currents-it"), TRUST_STORE_PASSWORD);
      return new TestApi(api, trustStore, refusingPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code currents.agent.hosts} naming both listeners and the closed port. */
  String hosts() {
    return "127.0.0.1:" + api.httpPort() + ",localhost:" + api.httpsPort() + ",localhost:" + api.h2Port() + ",127.0.0.1:"
        + api.h2Port() + ",127.0.0.1:" + api.h2cPort() + ",127.0.0.1:" + closedPort;
  }

  /**
   * The base URL of the listener for {@code scheme}: {@code http}, {@code https}, or HTTP/2's {@code h2} and {@code h2c},
   * and {@code h2-by-address}, the h2 listener as another origin.
   */
  String baseUrl(String scheme) {
    return switch (scheme) {
      case "https" -> api.httpsBaseUrl();
      case "h2" -> api.h2BaseUrl();
      // The same listener by its address: to a client, an origin of its own.
      case "h2-by-address" -> api.h2BaseUrl().replace("//localhost:", "//127.0.0.1:");
      case "h2c" -> api.h2cBaseUrl();
      default -> api.httpBaseUrl();
    };
  }

  /** An application JVM that trusts the API's certificate and records the API's hosts. */
  AppJvm.Builder app(Jdks.Jdk jdk) {
    return AppJvm.builder(jdk)
        .property("currents.agent.hosts", hosts())
        .property("javax.net.ssl.trustStore", trustStore.toString())
        .property("javax.net.ssl.trustStorePassword", TRUST_STORE_PASSWORD);
  }

  /**
   * A loopback port that refuses every connection while this JVM runs: bound by a socket that never listens. A
   * port merely found free could be taken meanwhile by a server of the other test JVM, or given to a client's own
   * connection as its local port, which then connects to itself; this one stays taken.
   */
  private static int refusingPort() throws IOException {
    Socket reservation = new Socket();
    reservation.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    RESERVED.add(reservation);
    return reservation.getLocalPort();
  }
}
