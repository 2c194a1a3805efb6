package dev.currents.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port whose connections neither succeed nor are refused, so that a client's connect timeout fires:
 * it listens with the shortest queue, never accepts, and its queue is kept full. The kernel then drops the
 * handshake of every further connection, and the client waits.
 */
final class UnansweredPort implements AutoCloseable {

  private static final int MAX_QUEUED = 64;

  private final ServerSocket server;
  private final List<Socket> queued;

  private UnansweredPort(ServerSocket server, List<Socket> queued) {
    this.server = server;
    this.queued = queued;
  }

  static UnansweredPort open() {
    try {
      ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
      List<Socket> queued = new ArrayList<>();
      // How many connections a queue of 1 holds is the kernel's to say (Linux: 2): fill it until one waits.
      while (queued.size() < MAX_QUEUED) {
        Socket socket = new Socket();
        try {
          socket.connect(address, 100);
          queued.add(socket);
        } catch (SocketTimeoutException full) {
          socket.close();
          return new UnansweredPort(server, queued);
        }
      }
      throw new IllegalStateException("the queue of " + address + " took " + MAX_QUEUED + " connections and is not full");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : queued) {
      socket.close();
    }
    server.close();
  }
}
