package dev.currents.agent.bootstrap;

/**
 * A task that a layered client runs on a thread of its own for a request to a Currents host (Jersey's
 * asynchronous invocations): it carries the application's span from the thread that made the request to the
 * attempts the client underneath starts while the task runs, which know nothing of the layer above.
 */
public final class ParentHandover implements Runnable {

  private static final ThreadLocal<Object> HANDED_OVER = new ThreadLocal<>();
  /** What {@link #handOver} returns when it handed nothing over. */
  private static final Object NOTHING = new Object();
  /** Spares attempts the thread-local lookup until some task has carried a span. */
  private static volatile boolean used;

  private final Runnable task;
  private final Object parent;

  private ParentHandover(Runnable task, Object parent) {
    this.task = task;
    this.parent = parent;
  }

  /** {@code task}, carrying the span current on this thread; {@code task} itself when none is. */
  public static Runnable withCurrentParent(Runnable task) {
    Object parent = CurrentsRequests.currentParent();
    if (parent == null) {
      return task;
    }
    used = true;
    return new ParentHandover(task, parent);
  }

  /** The span a task running on this thread carries, or null. */
  static Object onThisThread() {
    return used ? HANDED_OVER.get() : null;
  }

  /**
   * Hands {@code parent} over to the attempts that start on this thread until {@link #restore}: for advice around
   * client code that starts the next attempt of a call (a redirect Vert.x follows), where no application span is
   * current. Returns what to give {@link #restore}; a null parent hands nothing over.
   */
  public static Object handOver(Object parent) {
    if (parent == null) {
      return NOTHING;
    }
    used = true;
    Object outer = HANDED_OVER.get();
    HANDED_OVER.set(parent);
    return outer;
  }

  /** Ends the hand-over that {@link #handOver} began, which returned {@code outer}. */
  public static void restore(Object outer) {
    if (outer == NOTHING) {
      return;
    }
    if (outer == null) {
      HANDED_OVER.remove();
    } else {
      HANDED_OVER.set(outer);
    }
  }

  @Override
  public void run() {
    Object outer = handOver(parent);
    try {
      task.run();
    } finally {
      restore(outer);
    }
  }
}
