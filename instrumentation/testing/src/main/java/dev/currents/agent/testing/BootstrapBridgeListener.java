package dev.currents.agent.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the tests of an instrumentation that weaves classes of the JDK's own modules (HttpURLConnection, and the
 * clients that send through it): makes the bridge visible to the bootstrap class loader ({@link BootstrapBridge})
 * when JUnit opens its session, before it discovers the test classes and so before anything loads a bridge class
 * from the class path. A module opts in with the line {@code dev.currents.agent.testing.BootstrapBridgeListener} in
 * {@code src/test/resources/META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 *
 * <p>Why not the others: their clients live in the application's loader, which sees the class path, so their
 * tests run as they are, and a bridge in the bootstrap loader would change nothing for them. Why not a JVM of its
 * own with {@code -Xbootclasspath/a}: that needs a jar of those classes built before the tests run, a build step in
 * every such module, where this is one line of a services file and stays in-process. The JVM says once on stderr
 * that class data sharing now covers the bootstrap loader's classes only: the price of an appended search path,
 * which the agent itself avoids by defining its bootstrap classes one by one.
 */
public final class BootstrapBridgeListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    BootstrapBridge.append();
  }
}
