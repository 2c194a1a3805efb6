package dev.currents.agent.testing;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.AttemptRecorder;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link AttemptRecorder} that keeps everything it is handed, in order, for tests to read: the attempts as they
 * started and as they ended. Thread-safe, since clients end attempts on threads of their own.
 */
public final class RecordingRecorder implements AttemptRecorder, BeforeEachCallback, AfterEachCallback {

  private final List<Attempt> started = new ArrayList<>();
  private final List<RecordedEnd> ended = new ArrayList<>();
  /** Starts and ends in the order they happened, as {@link #events()} describes them. */
  private final List<String> events = new ArrayList<>();
  /** What {@link #currentParent()} says on each thread: the application's span, as a test plays it. */
  private final ThreadLocal<Object> parents = new ThreadLocal<>();

  /** The hosts it records when {@link #eachTest} installs it; null for one installed at once. */
  private final String hosts;

  private RecordingRecorder(String hosts) {
    this.hosts = hosts;
  }

  /** A new recorder, installed as the agent's for requests to {@code hosts} (as {@code currents.agent.hosts}). */
  public static RecordingRecorder installFor(String hosts) {
    RecordingRecorder recorder = new RecordingRecorder(null);
    CurrentsRequests.install(HostFilter.parse(hosts), recorder);
    return recorder;
  }

  /**
   * A recorder for requests to {@code hosts}, installed before each test of the class that registers it and taken
   * away after: {@code @RegisterExtension final RecordingRecorder recorder = RecordingRecorder.eachTest(hosts);}.
   */
  public static RecordingRecorder eachTest(String hosts) {
    return new RecordingRecorder(hosts);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    CurrentsRequests.install(HostFilter.parse(hosts), this);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    uninstall();
  }

  /** Back to the agent's state before it starts: no host is a Currents host, nothing is recorded. */
  public static void uninstall() {
    CurrentsRequests.install(HostFilter.parse(""), AttemptRecorder.NONE);
  }

  @Override
  public synchronized void started(Attempt attempt) {
    started.add(attempt);
    events.add("start " + attempt.method() + " " + attempt.path());
    notifyAll();
  }

  @Override
  public synchronized void finished(
      Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {
    RecordedEnd end = new RecordedEnd(attempt, endNanos, status, retryAfter, failure);
    ended.add(end);
    events.add("end " + end);
    notifyAll();
  }

  @Override
  public Object currentParent() {
    return parents.get();
  }

  /** Plays the application's span current on this thread (null: none), as the agent's recorder reads it. */
  public void currentParent(Object span) {
    parents.set(span);
  }

  public synchronized List<Attempt> started() {
    return List.copyOf(started);
  }

  public synchronized List<RecordedEnd> ended() {
    return List.copyOf(ended);
  }

  /** The failures of the ended attempts, in order; null for an attempt that got a response. */
  public synchronized List<Throwable> failures() {
    return ended.stream().map(RecordedEnd::failure).collect(Collectors.toList());
  }

  /** {@code start GET /v1/projects} and {@code end GET /v1/projects 429 2}, in the order they happened. */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /**
   * Waits until {@code count} attempts have ended, for clients that end an attempt on a thread of their own after
   * the application got its answer; the ended attempts then, however many there are.
   */
  public synchronized List<RecordedEnd> awaitEnded(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left;
    while (ended.size() < count && (left = deadline - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(ended);
  }

  /**
   * Every value the agent handed this recorder, as text: each attempt's fields and each end's status, {@code
   * Retry-After} and failure. For tests that a secret never reaches the recorder.
   */
  public synchronized String everythingSeen() {
    StringBuilder seen = new StringBuilder();
    for (Attempt attempt : started) {
      seen.append(AttemptText.of(attempt)).append('\n');
    }
    for (RecordedEnd end : ended) {
      seen.append(AttemptText.of(end.attempt())).append(' ').append(end).append(' ').append(end.failure()).append('\n');
    }
    return seen.toString();
  }
}
