package dev.currents.agent.otel;

import dev.currents.agent.bootstrap.AgentLog;

/** Tells a failed export on the agent's log, once per kind: the SDK's own log is off ({@link SdkLogging}). */
public final class ExportFailure {

  private ExportFailure() {}

  /**
   * @param what what could not be exported: {@code spans (otlp)}
   * @param consequence what becomes of them, for the reader of the log
   */
  public static void warnOnce(String what, Throwable failure, String consequence) {
    AgentLog.warnOnce(
        "export of " + what,
        "cannot export " + what + ": " + reason(failure) + "; the application is unaffected; " + consequence
            + "; further failures are not logged");
  }

  /** The exporter's own exception wraps what happened (a refused connection, a status): tell that. */
  private static String reason(Throwable failure) {
    if (failure == null) {
      return "the collector did not take them";
    }
    return String.valueOf(failure.getCause() != null ? failure.getCause() : failure.getMessage());
  }
}
