package dev.currents.it;

import static dev.currents.it.TestedClient.Feature.CANCEL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the client suite runs against: the JDK's clients on every JDK, and each client library at the oldest and
 * the newest version the README claims, on the JDK running the tests. A library version is added with a line in
 * {@code libraryVersions()}, a module under integration-tests/client-versions and, for a new library, an
 * adapter in dev.currents.testapp and a {@link Subject.Library} here.
 */
final class Subjects {

  static final List<TestedClient> JDK_CLIENTS =
      List.of(
          new TestedClient("java-http-client", "java-http-client", Set.of()),
          new TestedClient("java-http-client-async", "java-http-client", Set.of(CANCEL)),
          new TestedClient("http-url-connection", "http-url-connection", Set.of()));

  private Subjects() {}

  static List<Subject> all() {
    List<Subject> subjects = new ArrayList<>();
    for (Jdks.Jdk jdk : Jdks.all()) {
      subjects.add(Subject.jdkClients(jdk, JDK_CLIENTS));
    }
    return subjects;
  }
}
