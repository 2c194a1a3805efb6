package dev.currents.agent.bootstrap;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only log: one line per message on stderr, prefixed {@code [currents-agent]}.
 * It lives in the bootstrap loader so that advice helpers and the agent core share one level and one
 * "said once" memory; it never depends on the application's logging framework.
 */
public final class AgentLog {

  /** Levels in increasing verbosity; {@code currents.agent.log.level} names one of them. */
  public enum Level {
    OFF, WARN, INFO, DEBUG
  }

  private static final String PREFIX = "[currents-agent] ";
  private static volatile Level level = Level.INFO;
  private static volatile PrintStream out = System.err;
  private static final Set<String> said = ConcurrentHashMap.newKeySet();

  private AgentLog() {}

  public static void setLevel(Level newLevel) {
    level = newLevel;
  }

  public static Level level() {
    return level;
  }

  /** For tests of what the agent prints; the agent itself always writes to stderr. */
  public static void setOutput(PrintStream stream) {
    out = stream;
  }

  public static boolean isDebug() {
    return level == Level.DEBUG;
  }

  public static void warn(String message) {
    log(Level.WARN, message);
  }

  public static void info(String message) {
    log(Level.INFO, message);
  }

  public static void debug(String message) {
    log(Level.DEBUG, message);
  }

  /** Warns only the first time {@code key} is seen, so a fault on a hot path prints one line, not one per request. */
  public static void warnOnce(String key, String message) {
    if (said.add(key)) {
      warn(message);
    }
  }

  private static void log(Level messageLevel, String message) {
    if (messageLevel.ordinal() <= level.ordinal() && level != Level.OFF) {
      out.println(PREFIX + message);
    }
  }
}
