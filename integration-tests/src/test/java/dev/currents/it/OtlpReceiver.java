package dev.currents.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A collector for the tests: an OTLP/HTTP receiver on loopback that decodes the protobuf messages the agent
 * sends from another JVM, and keeps every request body as it came. It can also misbehave: answer every export
 * with 503, or accept connections and never answer.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One span as received, with what the message said around it. */
  record ReceivedSpan(Map<String, Object> resource, String scope, Span span) {

    String name() {
      return span.getName();
    }

    String traceId() {
      return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    String spanId() {
      return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    String parentSpanId() {
      return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    /** The W3C {@code traceparent} naming this span as the parent. */
    String traceparent() {
      return "00-" + traceId() + "-" + spanId() + "-" + String.format("%02x", span.getFlags() & 0xff);
    }

    Map<String, Object> attributes() {
      return OtlpReceiver.attributes(span.getAttributesList());
    }

    Object attribute(String name) {
      return attributes().get(name);
    }

    /** Path and query of the span's {@code url.full}. */
    String pathAndQuery() {
      String url = String.valueOf(attribute("url.full"));
      int authority = url.indexOf("://") + 3;
      int path = url.indexOf('/', authority);
      return path < 0 ? "" : url.substring(path);
    }

    /** The raw query of the span's {@code url.full}, or null. */
    String rawQuery() {
      String pathAndQuery = pathAndQuery();
      int query = pathAndQuery.indexOf('?');
      return query < 0 ? null : pathAndQuery.substring(query + 1);
    }

    @Override
    public String toString() {
      return scope + " " + name() + " " + attributes();
    }
  }

  private final HttpServer server;
  private final ServerSocket silent;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<Metric> metrics = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server, ServerSocket silent) {
    this.server = server;
    this.silent = silent;
  }

  /** A collector that takes every export. */
  static OtlpReceiver answering() {
    return serving(200);
  }

  /** A collector that answers every export with 503, as an overloaded one does. */
  static OtlpReceiver refusing() {
    return serving(503);
  }

  /** A collector that accepts connections and never answers. */
  static OtlpReceiver hanging() {
    try {
      ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      OtlpReceiver receiver = new OtlpReceiver(null, socket);
      Thread accepting = new Thread(receiver::holdConnections, "otlp-receiver-hanging");
      accepting.setDaemon(true);
      accepting.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of a collector that is not there: nothing listens on its port. */
  static String absentEndpoint() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OtlpReceiver serving(int status) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      OtlpReceiver receiver = new OtlpReceiver(server, null);
      server.createContext("/", exchange -> receiver.handle(exchange, status));
      server.setExecutor(
          Executors.newCachedThreadPool(
              task -> {
                Thread thread = new Thread(task, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
              }));
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange, int status) throws IOException {
    try (exchange) {
      byte[] body = read(exchange);
      if (status == 200) {
        bodies.add(body);
        decode(exchange.getRequestURI().getPath(), body);
      }
      // An empty body is an empty Export*ServiceResponse: all accepted.
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return in.readAllBytes();
  }

  private void decode(String path, byte[] body) throws IOException {
    if (path.endsWith("/v1/traces")) {
      for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
        Map<String, Object> attributes = attributes(resource.getResource().getAttributesList());
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            spans.add(new ReceivedSpan(attributes, scope.getScope().getName(), span));
          }
        }
      }
    } else if (path.endsWith("/v1/metrics")) {
      for (ResourceMetrics resource : ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          metrics.addAll(scope.getMetricsList());
        }
      }
    }
  }

  private void holdConnections() {
    while (!silent.isClosed()) {
      try {
        held.add(silent.accept());
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> attributes = new TreeMap<>();
    for (KeyValue keyValue : keyValues) {
      AnyValue value = keyValue.getValue();
      Object plain =
          switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            default -> value.toString();
          };
      attributes.put(keyValue.getKey(), plain);
    }
    return attributes;
  }

  /** {@code http://127.0.0.1:port}, the base URL to configure. */
  String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  int port() {
    return server != null ? server.getAddress().getPort() : silent.getLocalPort();
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  List<Metric> metrics() {
    return List.copyOf(metrics);
  }

  /** Every request body received, undecoded: what left the application, byte for byte. */
  List<byte[]> bodies() {
    return List.copyOf(bodies);
  }

  /** Connections accepted and never answered (a hanging collector). */
  int heldConnections() {
    return held.size();
  }

  /** Waits until {@code count} received spans match, and returns them; fails after {@code timeout}. */
  List<ReceivedSpan> awaitSpans(int count, Predicate<ReceivedSpan> matching, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReceivedSpan> found = spans.stream().filter(matching).toList();
    while (found.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      found = spans.stream().filter(matching).toList();
    }
    if (found.size() < count) {
      throw new AssertionError("expected " + count + " spans, got " + found.size() + " of: " + spans);
    }
    return found;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    if (silent != null) {
      try {
        silent.close();
        for (Socket socket : held) {
          socket.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
