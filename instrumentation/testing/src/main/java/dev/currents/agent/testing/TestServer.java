package dev.currents.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server on loopback for the client contract: it answers each path as scripted ({@link #answer}),
 * {@code 200} with a short body when not, and keeps what it received. Requests of a test go to paths of its own,
 * so that tests never see each other's script.
 */
public final class TestServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<ReceivedRequest> received = new ArrayList<>();

  private TestServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Started on a free loopback port. */
  public static TestServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      // Threads: a delayed answer must not hold up the next request.
      ExecutorService threads =
          Executors.newCachedThreadPool(
              task -> {
                Thread thread = new Thread(task, "test-server");
                thread.setDaemon(true);
                return thread;
              });
      TestServer testServer = new TestServer(server, threads);
      server.createContext("/", testServer::handle);
      server.setExecutor(threads);
      server.start();
      return testServer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From now on, requests to {@code path} get {@code answer}. */
  public void answer(String path, Answer answer) {
    answers.put(path, answer);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port} followed by {@code pathAndQuery}. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  /** As {@link #uri}, through the name {@code localhost}: the same server under another host name. */
  public URI uriAsLocalhost(String pathAndQuery) {
    return URI.create("http://localhost:" + port() + pathAndQuery);
  }

  /** What the server received, in order of arrival. */
  public synchronized List<ReceivedRequest> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) {
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      synchronized (this) {
        received.add(
            new ReceivedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                exchange.getRequestHeaders(),
                new String(body, StandardCharsets.UTF_8)));
      }
      Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), Answer.status(200));
      answer.waitBeforeAnswering();
      if (answer.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
      }
      byte[] content = ("status " + answer.status()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), content.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content);
      }
    } catch (IOException clientGaveUp) {
      // A client that timed out closed the connection before the delayed answer: nothing to answer.
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
