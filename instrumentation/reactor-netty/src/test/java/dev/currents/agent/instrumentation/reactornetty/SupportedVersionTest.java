package dev.currents.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
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

class SupportedVersionTest {

  private static final String OPERATIONS = "reactor.netty.http.client.HttpClientOperations";

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @AfterEach
  void restoreLog() {
    AgentLog.setOutput(System.err);
    AgentLog.setLevel(AgentLog.Level.INFO);
  }

  @Test
  void reactorNetty10OnTheClassPathIsWoven() {
    AgentBuilder.RawMatcher matcher = new ReactorNettyInstrumentation().supportedVersions().of(named(OPERATIONS));
    assertTrue(matcher.matches(operations(), getClass().getClassLoader(), null, null, null));
  }

  @Test
  void aLoaderWithoutReactorNetty10IsLeftAloneWithOneDebugLine() throws Exception {
    AgentLog.setLevel(AgentLog.Level.DEBUG);
    AgentLog.setOutput(new PrintStream(log, true, StandardCharsets.UTF_8));
    AgentBuilder.RawMatcher matcher = new ReactorNettyInstrumentation().supportedVersions().of(named(OPERATIONS));
    try (URLClassLoader older = new URLClassLoader(new URL[0], null)) {
      assertFalse(matcher.matches(operations(), older, null, null, null));
      assertFalse(matcher.matches(operations(), older, null, null, null));
    }
    String printed = log.toString(StandardCharsets.UTF_8);
    assertEquals(1, printed.lines().count(), printed);
    assertTrue(printed.contains("older than 1.0"), printed);
  }

  /** Described by name: the class is package-private. */
  private static TypeDescription operations() {
    return new TypeDescription.Latent(OPERATIONS, 0, TypeDescription.Generic.OBJECT);
  }
}
