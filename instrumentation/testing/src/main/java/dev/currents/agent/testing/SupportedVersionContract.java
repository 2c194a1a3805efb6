package dev.currents.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.VersionCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every library's version check must do ({@code dev.currents.agent.tooling.VersionCheck} behind a module's
 * {@code SupportedVersion}): weave the supported copy on the test class path, and leave a class loader without one
 * alone, saying so in one debug line however often it is asked. A module extends it, naming its check, the class it
 * weaves and the oldest version it supports.
 */
public abstract class SupportedVersionContract {

  /** A new check for each test, which JUnit runs on a new instance: a check judges each class loader once. */
  private final VersionCheck check;
  private final String wovenClass;
  private final String oldestSupported;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  /**
   * @param instrumentation the instrumentation whose {@link ClientInstrumentation#supportedVersions()} is tested
   * @param wovenClass a class the check is for, on the test class path ({@code okhttp3.internal.connection.ConnectInterceptor})
   * @param oldestSupported the oldest version supported, as the debug line names it ({@code 3.14})
   */
  protected SupportedVersionContract(
      ClientInstrumentation instrumentation, String wovenClass, String oldestSupported) {
    this.check = instrumentation.supportedVersions();
    this.wovenClass = wovenClass;
    this.oldestSupported = oldestSupported;
  }

  @AfterEach
  void restoreLog() {
    AgentLog.setOutput(System.err);
    AgentLog.setLevel(AgentLog.Level.INFO);
  }

  @Test
  void theSupportedCopyOnTheClassPathIsWoven() throws Exception {
    assertTrue(matcher().matches(wovenType(), getClass().getClassLoader(), null, null, null));
  }

  @Test
  void anotherClassOfASupportedCopyIsNotWoven() throws Exception {
    TypeDescription other = TypeDescription.ForLoadedType.of(Object.class);
    assertFalse(matcher().matches(other, getClass().getClassLoader(), null, null, null));
  }

  @Test
  void aLoaderWithoutASupportedCopyIsLeftAloneWithOneDebugLine() throws Exception {
    AgentLog.setLevel(AgentLog.Level.DEBUG);
    AgentLog.setOutput(new PrintStream(log, true, StandardCharsets.UTF_8));
    AgentBuilder.RawMatcher matcher = matcher();
    TypeDescription type = wovenType();
    try (URLClassLoader older = new URLClassLoader(new URL[0], null)) {
      assertFalse(matcher.matches(type, older, null, null, null));
      assertFalse(matcher.matches(type, older, null, null, null));
    }
    String printed = log.toString(StandardCharsets.UTF_8);
    assertEquals(1, printed.lines().count(), printed);
    assertTrue(printed.contains("older than " + oldestSupported), printed);
  }

  private AgentBuilder.RawMatcher matcher() {
    return check.of(ElementMatchers.named(wovenClass));
  }

  /** Loaded without being initialized: some need their library's dependencies to initialize. */
  private TypeDescription wovenType() throws ClassNotFoundException {
    return TypeDescription.ForLoadedType.of(Class.forName(wovenClass, false, getClass().getClassLoader()));
  }
}
