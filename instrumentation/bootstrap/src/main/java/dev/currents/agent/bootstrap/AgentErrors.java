package dev.currents.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults inside the agent: counted, logged once per kind, never passed to the application.
 */
public final class AgentErrors {

  private static final AtomicLong COUNT = new AtomicLong();

  private AgentErrors() {}

  public static void report(String where, Throwable error) {
    COUNT.incrementAndGet();
    AgentLog.warnOnce(
        where + ':' + error.getClass().getName(),
        "internal error in " + where + " (" + error + "); the request is unaffected, further errors of this kind are only counted");
  }

  public static long count() {
    return COUNT.get();
  }
}
