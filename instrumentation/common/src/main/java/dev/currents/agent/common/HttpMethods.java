package dev.currents.agent.common;

/**
 * The {@code method} tag value: one of the nine standard methods, else {@code _OTHER} (OpenTelemetry's
 * convention), so that a client sending arbitrary methods cannot grow the label's cardinality.
 */
public final class HttpMethods {

  public static final String GET = "GET";
  public static final String HEAD = "HEAD";
  public static final String POST = "POST";
  public static final String PUT = "PUT";
  public static final String DELETE = "DELETE";
  public static final String PATCH = "PATCH";
  public static final String OPTIONS = "OPTIONS";
  public static final String TRACE = "TRACE";
  public static final String CONNECT = "CONNECT";
  public static final String OTHER = "_OTHER";

  private HttpMethods() {}

  /** Case-sensitive, as HTTP method names are; returns the constant, never the argument. */
  public static String normalize(String method) {
    if (method == null) {
      return OTHER;
    }
    switch (method) {
      case GET:
        return GET;
      case HEAD:
        return HEAD;
      case POST:
        return POST;
      case PUT:
        return PUT;
      case DELETE:
        return DELETE;
      case PATCH:
        return PATCH;
      case OPTIONS:
        return OPTIONS;
      case TRACE:
        return TRACE;
      case CONNECT:
        return CONNECT;
      default:
        return OTHER;
    }
  }
}
