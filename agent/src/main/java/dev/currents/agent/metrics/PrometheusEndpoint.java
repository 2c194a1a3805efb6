package dev.currents.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code GET /metrics} in the Prometheus text format (or OpenMetrics when the scraper asks for it) on
 * the JDK's own HTTP server, one daemon thread, so the agent adds no HTTP stack to the application.
 */
public final class PrometheusEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static PrometheusEndpoint start(PrometheusMeterRegistry registry, String host, int port)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext("/metrics", exchange -> serve(registry, exchange));
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "currents-agent-prometheus");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    // The JDK server's dispatcher thread inherits daemon status from the thread that starts it: started from
    // the application's main thread it would keep the application alive after main returns.
    try {
      executor.submit(server::start).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the metrics endpoint", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot start the metrics endpoint", e.getCause());
    }
    return new PrometheusEndpoint(server, executor);
  }

  /** The port really bound, which differs from the configured one when that was 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
    try {
      respond(registry, exchange);
    } finally {
      exchange.close();
    }
  }

  private static void respond(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      exchange.sendResponseHeaders(405, -1);
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    String contentType =
        accept != null && accept.contains("application/openmetrics-text")
            ? OpenMetricsTextFormatWriter.CONTENT_TYPE
            : PrometheusTextFormatWriter.CONTENT_TYPE;
    byte[] body = registry.scrape(contentType).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if ("HEAD".equals(method)) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
