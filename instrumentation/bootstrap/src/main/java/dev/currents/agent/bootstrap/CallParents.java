package dev.currents.agent.bootstrap;

/**
 * The application's span for each call whose attempts the client starts on threads of its own (its I/O threads,
 * its dispatcher), where no application span is current: kept on the application's thread, by whatever object
 * the client keeps for the whole call (its call, conversation, handler or future), and made the parent of every
 * attempt of the call, first, redirect hops and resends alike.
 *
 * <p>Only calls to Currents hosts made inside a span, with tracing on, are kept; an entry goes with its call.
 */
public final class CallParents {

  private final WeakIdentityMap<Object, Object> parents = new WeakIdentityMap<>();

  /** On the application's thread, as the call is made: the span current now becomes the call's parent. */
  public void keepCurrent(Object call) {
    Object parent = CurrentsRequests.currentParent();
    if (parent != null) {
      parents.put(call, parent);
    }
  }

  /**
   * For clients that start a call's first attempt on the application's thread and later ones on their own: the
   * parent kept for the call, else the span current now, kept for the attempts to come.
   */
  public Object keptOrCurrent(Object call) {
    Object parent = parents.get(call);
    if (parent == null) {
      parent = CurrentsRequests.currentParent();
      if (parent != null) {
        parents.put(call, parent);
      }
    }
    return parent;
  }

  /**
   * The parent kept for the call, or null: then the attempt's span is a child of the span current where it
   * starts. One emptiness check while no call is kept.
   */
  public Object of(Object call) {
    return parents.isEmpty() ? null : parents.get(call);
  }

  /** The call ended: its attempts are over. */
  public void forget(Object call) {
    if (!parents.isEmpty()) {
      parents.remove(call);
    }
  }
}
