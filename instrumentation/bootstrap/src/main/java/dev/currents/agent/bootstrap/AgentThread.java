package dev.currents.agent.bootstrap;

/**
 * A thread the agent does its own work on, such as sending spans to a collector. Requests made on it are the
 * agent's own and are never recorded, whatever their host: even a collector listed among the Currents hosts
 * does not see the agent record its own exports, which would feed on themselves.
 */
public final class AgentThread extends Thread {

  public AgentThread(Runnable task, String name) {
    super(task, name);
    setDaemon(true);
  }

  public static boolean isCurrent() {
    return Thread.currentThread() instanceof AgentThread;
  }
}
