package dev.currents.agent.otel;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenTelemetry SDK logs through java.util.logging, which would print its messages (an export failure with
 * its stack trace, every minute) on the application's console. The agent reports export failures itself, once
 * and with its prefix, so the SDK's loggers are switched off.
 */
public final class SdkLogging {

  /**
   * The shade plugin relocates this literal with the SDK's classes: in the agent jar it names the loggers of the
   * agent's relocated SDK, never the application's. Held here because java.util.logging holds loggers weakly,
   * and a collected logger forgets its level.
   */
  private static final Logger SDK = Logger.getLogger("io.opentelemetry");

  private SdkLogging() {}

  public static void silence() {
    SDK.setLevel(Level.OFF);
  }
}
