package dev.currents.it;

import static dev.currents.it.TestedClient.Feature.CALL_TIMEOUT;
import static dev.currents.it.TestedClient.Feature.CANCEL;
import static dev.currents.it.TestedClient.Feature.EACH_REQUEST_IS_AN_ATTEMPT;
import static dev.currents.it.TestedClient.Feature.LOADED_BY_THE_APPLICATION;
import static dev.currents.it.TestedClient.Feature.PROPAGATES_TRACEPARENT;
import static dev.currents.it.TestedClient.Feature.RESENDS_429_AND_503_AFTER_RETRY_AFTER;
import static dev.currents.it.TestedClient.Feature.RESENDS_429_AND_503_AT_ONCE;
import static dev.currents.it.TestedClient.Feature.RESENDS_503_AFTER_A_FIXED_WAIT;
import static dev.currents.it.TestedClient.Feature.RETRIES_ON_CONNECTION_FAILURE;

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
          new TestedClient("java-http-client", "java-http-client", Set.of()),
          new TestedClient("java-http-client-async", "java-http-client", Set.of(CANCEL)),
          new TestedClient("http-url-connection", "http-url-connection", Set.of()));

  private static final Set<TestedClient.Feature> OKHTTP_FEATURES =
      EnumSet.of(CANCEL, CALL_TIMEOUT, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE, LOADED_BY_THE_APPLICATION);

  static final Subject.Library OKHTTP = Subject.Library.syncAndAsync("okhttp", "okhttp", OKHTTP_FEATURES);

  /** Retrofit sends through OkHttp, whose instrumentation records it: one attempt each, tagged okhttp. */
  static final Subject.Library RETROFIT = Subject.Library.syncAndAsync("retrofit", "okhttp", OKHTTP_FEATURES);

  /**
   * Apache HttpClient 4.5, blocking only; its retry handler resends after an I/O failure, and the adapter configures
   * the service-unavailable retry strategy, which resends a 503 after a second.
   */
  static final Subject.Library APACHE4 =
      new Subject.Library(
          "apache4",
          List.of(new TestedClient("apache4", "apache-httpclient-4",
              EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE, LOADED_BY_THE_APPLICATION,
                  PROPAGATES_TRACEPARENT, RESENDS_503_AFTER_A_FIXED_WAIT))));

  /** Apache HttpClient 5.1 on: classic, async, and async with a request producer and a response consumer. */
  static final Subject.Library APACHE5 = apache5(false);

  /**
   * Apache HttpClient 5.0, whose async client resends a 429 or 503 at once (5.1 made it wait), and whose
   * {@code execute(SimpleHttpRequest, callback)} returns a future of its own, whose {@code cancel()} never reaches
   * the request (5.0.1 returns the request's): that request runs to its end, and is recorded as it ended.
   */
  static final Subject.Library APACHE5_0 = apache5(true);

  private Subjects() {}

  private static Subject.Library apache5(boolean version50) {
    Set<TestedClient.Feature> classic = EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT, RETRIES_ON_CONNECTION_FAILURE,
        LOADED_BY_THE_APPLICATION, PROPAGATES_TRACEPARENT, RESENDS_429_AND_503_AFTER_RETRY_AFTER);
    Set<TestedClient.Feature> producerConsumer = EnumSet.of(CANCEL, EACH_REQUEST_IS_AN_ATTEMPT,
        RETRIES_ON_CONNECTION_FAILURE, LOADED_BY_THE_APPLICATION, PROPAGATES_TRACEPARENT,
        version50 ? RESENDS_429_AND_503_AT_ONCE : RESENDS_429_AND_503_AFTER_RETRY_AFTER);
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
   * bracket, runs under Retrofit 3.0.0 (4.12.0) and 3.14.9 under Retrofit 2.9.0.
   */
  private static List<Subject> libraryVersions() {
    return List.of(
        OKHTTP.version("3.14.0"),
        OKHTTP.version("5.5.1"),
        RETROFIT.version("2.9.0"),
        RETROFIT.version("3.0.0"),
        APACHE4.version("4.5"),
        APACHE4.version("4.5.14"),
        APACHE5_0.version("5.0"),
        APACHE5.version("5.6.4"));
  }
}
