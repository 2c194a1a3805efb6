package dev.currents.agent.bootstrap;

import dev.currents.agent.common.HostFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorder for tests of how attempts find their parent: it says which "application span" is current on "this
 * thread" ({@link #current}, null for none; the tests move it as a thread change would) and keeps the parent each
 * attempt started with.
 */
final class ApplicationSpansForTests implements AttemptRecorder {

  Object current;
  final List<Object> parentsAtStart = new ArrayList<>();

  /** Installs a fresh one for api.currents.dev. */
  static ApplicationSpansForTests install() {
    ApplicationSpansForTests spans = new ApplicationSpansForTests();
    CurrentsRequests.install(HostFilter.parse("api.currents.dev"), spans);
    return spans;
  }

  static void uninstall() {
    CurrentsRequests.install(HostFilter.parse(""), AttemptRecorder.NONE);
  }

  @Override
  public void started(Attempt attempt) {
    parentsAtStart.add(attempt.parent());
  }

  @Override
  public void finished(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {}

  @Override
  public Object currentParent() {
    return current;
  }
}
