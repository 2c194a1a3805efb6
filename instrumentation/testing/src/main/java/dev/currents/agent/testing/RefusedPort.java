package dev.currents.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as it is open: held by a bound socket that never listens
 * nor connects. A port merely found free and closed again could be taken meanwhile by another JVM's server, or
 * given to a client connection as its local port.
 */
public final class RefusedPort implements AutoCloseable {

  private final Socket reservation;

  private RefusedPort(Socket reservation) {
    this.reservation = reservation;
  }

  public static RefusedPort open() {
    Socket reservation = new Socket();
    try {
      reservation.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RefusedPort(reservation);
  }

  public int port() {
    return reservation.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    reservation.close();
  }
}
