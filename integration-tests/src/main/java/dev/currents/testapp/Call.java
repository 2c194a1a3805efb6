package dev.currents.testapp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One request the driver is told to make, parsed from a line such as
 * {@code 7 java-http-client-async GET https://localhost:8443/v1/projects timeoutMs=500 header=Authorization:Bearer%20k}.
 * Option values are percent-decoded so that a line stays one line. Public for the adapters of libraries, which
 * live in packages of their own.
 */
public final class Call {

  public final String id;
  public final String client;
  public final String method;
  public final URI uri;
  public final List<String[]> headers;
  public final String body;
  /** The client's connect and read timeout ({@code timeoutMs}), or null. */
  public final Duration timeout;
  /** The deadline of the whole call, where the client has one ({@code callTimeoutMs}), or null. */
  public final Duration callTimeout;
  public final Duration cancelAfter;
  public final boolean followRedirects;
  /** How many copies of the call to make at once ({@code concurrent}). */
  public final int concurrent;
  /**
   * How often a client with retry operators of its own (Reactor's {@code retryWhen}) retries a 5xx ({@code
   * retries}), after a fixed delay ({@code retryDelayMs}); 0 and null without.
   */
  public final int retries;
  public final Duration retryDelay;
  /**
   * {@code retryBackoff=true}: Reactor's {@code Retry.backoff(retries, retryDelay)} instead (x2 per retry, its
   * default jitter of 0.5), retrying 429s as well as 5xx.
   */
  public final boolean retryBackoff;
  /**
   * {@code http2=true}: the URL is a listener that offers HTTP/2, and the client is to speak it where it must be told
   * to (the JDK's client and OkHttp negotiate it by themselves).
   */
  public final boolean http2;

  private Call(String id, String client, String method, URI uri, Options options) {
    this.id = id;
    this.client = client;
    this.method = method;
    this.uri = uri;
    this.headers = Collections.unmodifiableList(options.headers);
    this.body = options.body;
    this.timeout = options.timeout;
    this.callTimeout = options.callTimeout;
    this.cancelAfter = options.cancelAfter;
    this.followRedirects = options.followRedirects;
    this.concurrent = options.concurrent;
    this.retries = options.retries;
    this.retryDelay = options.retryDelay;
    this.retryBackoff = options.retryBackoff;
    this.http2 = options.http2;
  }

  static Call parse(String line) {
    String[] words = line.trim().split(" +");
    if (words.length < 4) {
      throw new IllegalArgumentException("expected: id client method url [options]: " + line);
    }
    Options options = new Options();
    for (int i = 4; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      options.set(words[i].substring(0, eq), URLDecoder.decode(words[i].substring(eq + 1), StandardCharsets.UTF_8));
    }
    return new Call(words[0], words[1], words[2], URI.create(words[3]), options);
  }

  private static final class Options {
    final List<String[]> headers = new ArrayList<>();
    String body;
    Duration timeout;
    Duration callTimeout;
    Duration cancelAfter;
    boolean followRedirects;
    int concurrent = 1;
    int retries;
    Duration retryDelay;
    boolean retryBackoff;
    boolean http2;

    void set(String name, String value) {
      switch (name) {
        case "header":
          int colon = value.indexOf(':');
          headers.add(new String[] {value.substring(0, colon), value.substring(colon + 1)});
          break;
        case "body":
          body = value;
          break;
        case "timeoutMs":
          timeout = Duration.ofMillis(Long.parseLong(value));
          break;
        case "callTimeoutMs":
          callTimeout = Duration.ofMillis(Long.parseLong(value));
          break;
        case "cancelAfterMs":
          cancelAfter = Duration.ofMillis(Long.parseLong(value));
          break;
        case "followRedirects":
          followRedirects = Boolean.parseBoolean(value);
          break;
        case "concurrent":
          concurrent = Integer.parseInt(value);
          break;
        case "retries":
          retries = Integer.parseInt(value);
          break;
        case "retryDelayMs":
          retryDelay = Duration.ofMillis(Long.parseLong(value));
          break;
        case "retryBackoff":
          retryBackoff = Boolean.parseBoolean(value);
          break;
        case "http2":
          http2 = Boolean.parseBoolean(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + name);
      }
    }
  }
}
