package dev.currents.it;

import static dev.currents.it.TestedClient.Feature.CALL_TIMEOUT;
import static dev.currents.it.TestedClient.Feature.ANSWERS_AUTHENTICATION_CHALLENGES;
import static dev.currents.it.TestedClient.Feature.CANCEL;
import static dev.currents.it.TestedClient.Feature.DROPS_CREDENTIALS_ON_REDIRECT;
import static dev.currents.it.TestedClient.Feature.EACH_REQUEST_IS_AN_ATTEMPT;
import static dev.currents.it.TestedClient.Feature.LOADED_BY_THE_APPLICATION;
import static dev.currents.it.TestedClient.Feature.MULTIPLEXES_HTTP2;
import static dev.currents.it.TestedClient.Feature.NO_READ_TIMEOUT_OVER_HTTP2;
import static dev.currents.it.TestedClient.Feature.RESENDS_429_AND_503_AFTER_RETRY_AFTER;
import static dev.currents.it.TestedClient.Feature.RESENDS_429_AND_503_AT_ONCE;
import static dev.currents.it.TestedClient.Feature.RESENDS_503_AFTER_A_FIXED_WAIT;
import static dev.currents.it.TestedClient.Feature.RETRIES_ON_CONNECTION_FAILURE;
import static dev.currents.it.TestedClient.Feature.SPEAKS_H2C;
import static dev.currents.it.TestedClient.Feature.SPEAKS_HTTP2;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the client suite runs against: the JDK's clients on every JDK, and each client library at the oldest and
 * the newest version the README claims, on the JDK running the tests. A library version is added with a line in
 * {@link #libraryVersions}, a module under integration-tests/client-versions and, for a new library, an
 * adapter in dev.currents.testapp and a {@link Subject.Library} here.
 */
final class Subjects {

  static final List<TestedClient> JDK_CLIENTS =
      List.of(
          new TestedClient("java-http-client", "java-http-client", Set.of(SPEAKS_HTTP2, MULTIPLEXES_HTTP2, SPEAKS_H2C)),
          new TestedClient("java-http-client-async", "java-http-client",
              Set.of(CANCEL, SPEAKS_HTTP2, MULTIPLEXES_HTTP2, SPEAKS_H2C)),
          new TestedClient("http-url-connection", "http-url-connection", Set.of()));

  private static final Set<TestedClient.Feature> OKHTTP_FEATURES =
      EnumSet.of(CANCEL, CALL_TIMEOUT, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE, LOADED_BY_THE_APPLICATION,
          SPEAKS_HTTP2, MULTIPLEXES_HTTP2);

  static final Subject.Library OKHTTP = Subject.Library.syncAndAsync("okhttp", "okhttp", OKHTTP_FEATURES);

  /**
   * OkHttp 3.x, not run over HTTP/2: a call under which the server goes away (GOAWAY) never ends in 3.14, whatever its
   * timeouts.
   */
  private static final Set<TestedClient.Feature> OKHTTP_3_FEATURES =
      without(OKHTTP_FEATURES, SPEAKS_HTTP2, MULTIPLEXES_HTTP2);

  static final Subject.Library OKHTTP_3 = Subject.Library.syncAndAsync("okhttp", "okhttp", OKHTTP_3_FEATURES);

  /** Retrofit sends through OkHttp, whose instrumentation records it: one attempt each, tagged okhttp. */
  static final Subject.Library RETROFIT = Subject.Library.syncAndAsync("retrofit", "okhttp", OKHTTP_FEATURES);

  /** Retrofit 2.9 on OkHttp 3.14.9. */
  static final Subject.Library RETROFIT_2 = Subject.Library.syncAndAsync("retrofit", "okhttp", OKHTTP_3_FEATURES);

  /**
   * Jetty's HttpClient: each HttpExchange (request sent, redirect hop, authentication resend) is an attempt. It
   * resends nothing after a connection failure: a request taken back from a connection closed before it was
   * written is the same exchange.
   */
  static final Subject.Library JETTY = jetty(EnumSet.noneOf(TestedClient.Feature.class));

  /** Jetty 12 over HTTP/2 as well, with its dynamic transport (the adapter's Jetty 9.4 has no HTTP/2 transport). */
  static final Subject.Library JETTY_12 = jetty(EnumSet.of(SPEAKS_HTTP2, MULTIPLEXES_HTTP2));

  private static Subject.Library jetty(Set<TestedClient.Feature> more) {
    Set<TestedClient.Feature> features = EnumSet.of(CANCEL, CALL_TIMEOUT, EACH_REQUEST_IS_AN_ATTEMPT,
        LOADED_BY_THE_APPLICATION, DROPS_CREDENTIALS_ON_REDIRECT, ANSWERS_AUTHENTICATION_CHALLENGES);
    features.addAll(more);
    return Subject.Library.syncAndAsync("jetty-httpclient", "jetty-httpclient", features);
  }

  private static final Set<TestedClient.Feature> REACTOR_NETTY_FEATURES =
      EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION, SPEAKS_HTTP2, MULTIPLEXES_HTTP2);

  /**
   * Reactor Netty 1.0 resends a request once by itself when its connection is reset, even after the request was
   * written; later versions resend only a request that was not written yet, which the suite cannot bring about.
   */
  private static final Set<TestedClient.Feature> REACTOR_NETTY_1_0_FEATURES =
      EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION, RETRIES_ON_CONNECTION_FAILURE,
          SPEAKS_HTTP2, MULTIPLEXES_HTTP2);

  static final Subject.Library REACTOR_NETTY_1_0 =
      Subject.Library.syncAndAsync("reactor-netty", "reactor-netty", REACTOR_NETTY_1_0_FEATURES);
  static final Subject.Library REACTOR_NETTY = Subject.Library.syncAndAsync("reactor-netty", "reactor-netty", REACTOR_NETTY_FEATURES);

  /**
   * WebClient sends through Reactor Netty, whose instrumentation records it: one attempt each, tagged reactor-netty.
   * The adapter makes a connector for each call, whose HTTP/2 connections its other calls do not share.
   */
  static final Subject.Library WEBCLIENT_5_3 =
      Subject.Library.syncAndAsync("webclient", "reactor-netty", without(REACTOR_NETTY_1_0_FEATURES, MULTIPLEXES_HTTP2));
  static final Subject.Library WEBCLIENT =
      Subject.Library.syncAndAsync("webclient", "reactor-netty", without(REACTOR_NETTY_FEATURES, MULTIPLEXES_HTTP2));

  /**
   * Layered clients send through a client underneath, whose instrumentation records them: the client tag and
   * what they can do are that client's, as far as the layer lets it show. Spring's RestTemplate on its default
   * factory (HttpURLConnection), on OkHttp's (5.3, 6.x) and on the JDK client's (6.1 and later); its RestClient
   * (6.1 and later) on the factory Spring picks when no other client library is on the class path, the JDK
   * client's. One JVM per Spring version.
   */
  private static final TestedClient REST_TEMPLATE = new TestedClient("resttemplate", "http-url-connection", Set.of());

  private static final TestedClient REST_TEMPLATE_ON_OKHTTP =
      new TestedClient("resttemplate-okhttp", "okhttp",
          EnumSet.of(CALL_TIMEOUT, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE, LOADED_BY_THE_APPLICATION));

  private static final TestedClient REST_TEMPLATE_ON_JDK = new TestedClient("resttemplate-jdk", "java-http-client", Set.of());

  private static final TestedClient REST_CLIENT = new TestedClient("restclient", "java-http-client", Set.of());

  static final Subject.Library SPRING_5 = new Subject.Library("spring-web", List.of(REST_TEMPLATE, REST_TEMPLATE_ON_OKHTTP));

  static final Subject.Library SPRING_6 =
      new Subject.Library("spring-web", List.of(REST_TEMPLATE, REST_TEMPLATE_ON_OKHTTP, REST_TEMPLATE_ON_JDK, REST_CLIENT));

  /** Spring 7 has no OkHttp factory any more. */
  static final Subject.Library SPRING_7 = new Subject.Library("spring-web", List.of(REST_TEMPLATE, REST_TEMPLATE_ON_JDK, REST_CLIENT));

  /** OpenFeign on its default client, HttpURLConnection. */
  private static final TestedClient FEIGN_DEFAULT = new TestedClient("feign", "http-url-connection", Set.of());

  static final Subject.Library FEIGN = new Subject.Library("feign", List.of(FEIGN_DEFAULT));

  /**
   * google-http-client retrying by itself with its ExponentialBackOff, on HttpURLConnection: for BackoffIT only,
   * not in the client suite (the library adds no client of its own).
   */
  /** A Spring Boot 3.5 service with WebClient, RestClient and Apache HttpClient 5: for SpringBootServiceIT only. */
  static final Subject.Library SPRING_BOOT = new Subject.Library("spring-boot",
      List.of(new TestedClient("spring-boot-orders-service", "reactor-netty", Set.of())));

  static final Subject.Library GOOGLE_HTTP_CLIENT = new Subject.Library("google-http-client",
      List.of(new TestedClient("google-http-client-retrying", "http-url-connection", Set.of())));

  /** Feign 13 also on the JDK's HttpClient (feign-java11, which has no 11.0). */
  static final Subject.Library FEIGN_13 =
      new Subject.Library("feign", List.of(FEIGN_DEFAULT, new TestedClient("feign-java11", "java-http-client", Set.of())));

  /** Jersey's client on its default connector, HttpURLConnection: JAX-RS 2 (javax) in 2.x, Jakarta REST in 3.x. */
  static final Subject.Library JERSEY_2 = jersey("jersey-javax");

  static final Subject.Library JERSEY_3 = jersey("jersey-jakarta");

  private static Subject.Library jersey(String client) {
    return new Subject.Library("jersey", Subject.Library.syncAndAsync(client, "http-url-connection", Set.of()).clients());
  }


  /**
   * Apache HttpClient 4.5, blocking only; its retry handler resends after an I/O failure, and the adapter configures
   * the service-unavailable retry strategy, which resends a 503 after a second.
   */
  static final Subject.Library APACHE4 =
      new Subject.Library(
          "apache4",
          List.of(new TestedClient("apache4", "apache-httpclient-4",
              EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE, LOADED_BY_THE_APPLICATION,
                  RESENDS_503_AFTER_A_FIXED_WAIT))));

  /** Apache HttpClient 5.1 on: classic, async, and async with a request producer and a response consumer. */
  static final Subject.Library APACHE5 = apache5(false);

  /**
   * Apache HttpClient 5.0, whose async client resends a 429 or 503 at once (5.1 made it wait), and whose
   * {@code execute(SimpleHttpRequest, callback)} returns a future of its own, whose {@code cancel()} never reaches
   * the request (5.0.1 returns the request's): that request runs to its end, and is recorded as it ended.
   */
  static final Subject.Library APACHE5_0 = apache5(true);

  /**
   * AsyncHttpClient 2.x: each request it writes is an attempt (a redirect hop, a resend); its request timeout is
   * the call's deadline. A connection reset under a request fails it at once: 2.x resends only a request whose
   * connection closed before the reset reached it, which the suite cannot bring about.
   */
  static final Subject.Library ASYNC_HTTP_CLIENT_2 =
      Subject.Library.syncAndAsync(
          "async-http-client",
          "async-http-client",
          EnumSet.of(CANCEL, CALL_TIMEOUT, EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION));

  /**
   * AsyncHttpClient 3.0 resends by itself a request whose connection was reset under it, up to five times by
   * default ({@code maxRequestRetry}), whatever its method.
   */
  static final Subject.Library ASYNC_HTTP_CLIENT =
      Subject.Library.syncAndAsync(
          "async-http-client",
          "async-http-client",
          EnumSet.of(CANCEL, CALL_TIMEOUT, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE,
              LOADED_BY_THE_APPLICATION));

  /**
   * The Vert.x HttpClient, and the Web Client on it: each request it writes is an attempt (a redirect hop too). It
   * resends nothing by itself; the Web Client cannot be cancelled.
   */
  static final Subject.Library VERTX =
      new Subject.Library(
          "vertx",
          List.of(
              new TestedClient("vertx-http-client", "vertx-http-client",
                  EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION, SPEAKS_HTTP2, MULTIPLEXES_HTTP2,
                      SPEAKS_H2C)),
              new TestedClient("vertx-web-client", "vertx-http-client",
                  EnumSet.of(EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION, SPEAKS_HTTP2, MULTIPLEXES_HTTP2,
                      SPEAKS_H2C))));

  /**
   * The Micronaut HTTP client, blocking and reactive: each request it writes is an attempt (a redirect hop too). It
   * resends nothing by itself; the blocking client cannot be cancelled. Over HTTP/2, 4.10 opens a connection for most
   * of fifty requests made at once (34 in a run), so the tests of streams sharing a connection do not apply.
   */
  static final Subject.Library MICRONAUT =
      new Subject.Library(
          "micronaut",
          List.of(
              new TestedClient("micronaut-http-client", "micronaut-http-client",
                  EnumSet.of(EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION, SPEAKS_HTTP2, SPEAKS_H2C)),
              new TestedClient("micronaut-http-client-async", "micronaut-http-client",
                  EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION, SPEAKS_HTTP2, SPEAKS_H2C))));

  /**
   * Armeria's {@code WebClient}, blocking on its aggregated response and waiting on its future, both cancelled by
   * aborting the response: each request it sends is an attempt (a redirect hop too). It resends nothing unless the
   * application decorates it with a {@code RetryingClient} (the module's own tests).
   */
  static final Subject.Library ARMERIA =
      Subject.Library.syncAndAsync(
          "armeria",
          "armeria-client",
          EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, LOADED_BY_THE_APPLICATION, SPEAKS_HTTP2, MULTIPLEXES_HTTP2,
              SPEAKS_H2C));

  private Subjects() {}

  private static Set<TestedClient.Feature> without(Set<TestedClient.Feature> features, TestedClient.Feature... some) {
    Set<TestedClient.Feature> without = EnumSet.copyOf(features);
    without.removeAll(List.of(some));
    return without;
  }

  private static Subject.Library apache5(boolean version50) {
    Set<TestedClient.Feature> classic = EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE,
        LOADED_BY_THE_APPLICATION, RESENDS_429_AND_503_AFTER_RETRY_AFTER);
    Set<TestedClient.Feature> producerConsumer = EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT,
        RETRIES_ON_CONNECTION_FAILURE, LOADED_BY_THE_APPLICATION,
        version50 ? RESENDS_429_AND_503_AT_ONCE : RESENDS_429_AND_503_AFTER_RETRY_AFTER);
    if (!version50) {
      // 5.0 answers an ALPN "h2" as HTTP/1.1 (a ParseException).
      producerConsumer.add(SPEAKS_HTTP2);
      producerConsumer.add(NO_READ_TIMEOUT_OVER_HTTP2);
    }
    Set<TestedClient.Feature> simple = EnumSet.copyOf(producerConsumer);
    if (version50) {
      simple.remove(CANCEL);
    }
    return new Subject.Library(
        "apache5",
        List.of(
            new TestedClient("apache5", "apache-httpclient-5", classic),
            new TestedClient("apache5-async", "apache-httpclient-5", simple),
            new TestedClient("apache5-async-producer", "apache-httpclient-5", producerConsumer)));
  }

  /** Every other subject, from the first on: half of the suite. */
  static List<Subject> firstHalf() {
    return everyOther(0);
  }

  /** Every other subject, from the second on: the other half. */
  static List<Subject> secondHalf() {
    return everyOther(1);
  }

  private static List<Subject> everyOther(int from) {
    List<Subject> all = all();
    List<Subject> half = new ArrayList<>();
    for (int i = from; i < all.size(); i += 2) {
      half.add(all.get(i));
    }
    return half;
  }

  /**
   * Every subject, or while working on one client only those whose name contains one of the comma-separated
   * words of {@code -Dit.subjects} ({@code -Dit.subjects=okhttp,17}).
   */
  static List<Subject> all() {
    List<Subject> subjects = new ArrayList<>();
    for (Jdks.Jdk jdk : Jdks.all()) {
      subjects.add(Subject.jdkClients(jdk, JDK_CLIENTS));
    }
    subjects.addAll(libraryVersions());
    String only = System.getProperty("it.subjects", "");
    if (!only.isBlank()) {
      List<String> words = List.of(only.split(","));
      subjects.removeIf(subject -> words.stream().noneMatch(word -> subject.name().contains(word.trim())));
    }
    return subjects;
  }

  /**
   * The oldest and the newest version of each library that the README claims. OkHttp 4.x, which 3.x and 5.x
   * bracket, runs under Retrofit 3.0.0 (4.12.0) and 3.14.9 under Retrofit 2.9.0. Jetty 10 and 11, which 9.4 and
   * 12.1 bracket, have the 9.4 API and the same HttpExchange. AsyncHttpClient runs at 2.1.0, 2.15.0 (the newest
   * 2.x, on Netty 4.1) and 3.0.14 (on Netty 4.2, HTTP/2 offered over TLS).
   */
  private static List<Subject> libraryVersions() {
    List<Subject> versions = new ArrayList<>();
    versions.add(OKHTTP_3.version("3.14.0"));
    versions.add(OKHTTP.version("5.5.1"));
    versions.add(RETROFIT_2.version("2.9.0"));
    versions.add(RETROFIT.version("3.0.0"));
    versions.add(JETTY.version("9.4.0"));
    versions.add(JETTY_12.version("12.1.14"));
    versions.add(APACHE4.version("4.5"));
    versions.add(APACHE4.version("4.5.14"));
    versions.add(APACHE5_0.version("5.0"));
    versions.add(APACHE5.version("5.6.4"));
    versions.add(ASYNC_HTTP_CLIENT_2.version("2.1.0"));
    versions.add(ASYNC_HTTP_CLIENT_2.version("2.15.0"));
    versions.add(ASYNC_HTTP_CLIENT.version("3.0.14"));
    versions.add(VERTX.version("4.1.0"));
    versions.add(VERTX.version("4.5.27"));
    versions.add(VERTX.version("5.1.6"));
    versions.add(MICRONAUT.version("4.8.0"));
    versions.add(MICRONAUT.version("4.10.15"));
    versions.add(ARMERIA.version("1.21.0"));
    versions.add(ARMERIA.version("1.37.0"));
    versions.addAll(reactorNettyVersions());
    versions.add(SPRING_5.version("5.3.39"));
    versions.add(SPRING_6.version("6.2.19"));
    versions.add(SPRING_7.version("7.0.10"));
    versions.add(FEIGN.version("11.0"));
    versions.add(FEIGN_13.version("13.13"));
    versions.add(JERSEY_2.version("2.30.1"));
    versions.add(JERSEY_2.version("2.48"));
    versions.add(JERSEY_3.version("3.0.0"));
    versions.add(JERSEY_3.version("3.1.12"));
    return versions;
  }

  /** Reactor Netty's oldest and newest, and WebClient's oldest and newest, each on the Reactor Netty of its time. */
  static List<Subject> reactorNettyVersions() {
    return List.of(
        REACTOR_NETTY_1_0.version("1.0.0"),
        REACTOR_NETTY.version("1.3.8"),
        WEBCLIENT_5_3.version("5.3.0"),
        WEBCLIENT.version("7.0.10"));
  }
}
