package dev.currents.testapp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One request the driver is told to make, parsed from a line such as
 * {@code 7 java-http-client-async GET https://localhost:8443/v1/projects timeoutMs=500 header=Authorization:Bearer%20k}.
 * Option values are percent-decoded so that a line stays one line.
 */
public final class Call {

  final String id;
  final String client;
  final String method;
  final URI uri;
  final List<String[]> headers;
  final String body;
  final Duration timeout;
  final Duration cancelAfter;
  final boolean followRedirects;

  private Call(
      String id,
      String client,
      String method,
      URI uri,
      List<String[]> headers,
      String body,
      Duration timeout,
      Duration cancelAfter,
      boolean followRedirects) {
    this.id = id;
    this.client = client;
    this.method = method;
    this.uri = uri;
    this.headers = headers;
    this.body = body;
    this.timeout = timeout;
    this.cancelAfter = cancelAfter;
    this.followRedirects = followRedirects;
  }

  static Call parse(String line) {
    String[] words = line.trim().split(" +");
    if (words.length < 4) {
      throw new IllegalArgumentException("expected: id client method url [options]: " + line);
    }
    List<String[]> headers = new ArrayList<>();
    String body = null;
    Duration timeout = null;
    Duration cancelAfter = null;
    boolean followRedirects = false;
    for (int i = 4; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      String name = words[i].substring(0, eq);
      String value = java.net.URLDecoder.decode(words[i].substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
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
        case "cancelAfterMs":
          cancelAfter = Duration.ofMillis(Long.parseLong(value));
          break;
        case "followRedirects":
          followRedirects = Boolean.parseBoolean(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new Call(
        words[0],
        words[1],
        words[2],
        URI.create(words[3]),
        Collections.unmodifiableList(headers),
        body,
        timeout,
        cancelAfter,
        followRedirects);
  }
}
