package dev.currents.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every library's version check must do ({@code dev.currents.agent.tooling.VersionCheck} behind a module's
 * {@code SupportedVersion}): weave the supported copy on the test class path, and leave a class loader without one
 * alone, saying so in one debug line however often it is asked. A module extends it with its matcher, the class it
 * weaves and the oldest version it supports.
 */
public abstract class SupportedVersionContract {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  /** A new version check's matcher for the woven class: {@code new SupportedVersion().of(named(...))}. */
  protected abstract AgentBuilder.RawMatcher matcher();

  /** The class {@link #matcher()} is for, as the agent sees it when its loader defines it. */
  protected abstract TypeDescription wovenType() throws Exception;

  /** The oldest version supported, as the debug line names it ({@code 3.14}). */
  protected abstract String oldestSupported();

  /** The woven class, described from the test class path. */
  protected static TypeDescription loaded(String className) throws ClassNotFoundException {
    return TypeDescription.ForLoadedType.of(Class.forName(className));
  }

  /** The woven class, described by name only: for a class the test cannot load, such as a package-private one. */
  protected static TypeDescription describedByName(String className) {
    return new TypeDescription.Latent(className, 0, TypeDescription.Generic.OBJECT);
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
    assertTrue(printed.contains("older than " + oldestSupported()), printed);
  }
}
