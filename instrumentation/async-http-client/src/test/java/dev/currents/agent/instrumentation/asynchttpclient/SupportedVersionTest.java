package dev.currents.agent.instrumentation.asynchttpclient;

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

  private static final String FUTURE = "org.asynchttpclient.netty.NettyResponseFuture";

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @AfterEach
  void restoreLog() {
    AgentLog.setOutput(System.err);
    AgentLog.setLevel(AgentLog.Level.INFO);
  }

  @Test
  void asyncHttpClient21OnTheClassPathIsWoven() throws Exception {
    AgentBuilder.RawMatcher matcher = new AsyncHttpClientInstrumentation().supportedVersions().of(named(FUTURE));
    TypeDescription type = TypeDescription.ForLoadedType.of(Class.forName(FUTURE));
    assertTrue(matcher.matches(type, getClass().getClassLoader(), null, null, null));
  }

  @Test
  void aLoaderWithoutAsyncHttpClient21IsLeftAloneWithOneDebugLine() throws Exception {
    AgentLog.setLevel(AgentLog.Level.DEBUG);
    AgentLog.setOutput(new PrintStream(log, true, StandardCharsets.UTF_8));
    AgentBuilder.RawMatcher matcher = new AsyncHttpClientInstrumentation().supportedVersions().of(named(FUTURE));
    TypeDescription type = TypeDescription.ForLoadedType.of(Class.forName(FUTURE));
    try (URLClassLoader older = new URLClassLoader(new URL[0], null)) {
      assertFalse(matcher.matches(type, older, null, null, null));
      assertFalse(matcher.matches(type, older, null, null, null));
    }
    String printed = log.toString(StandardCharsets.UTF_8);
    assertEquals(1, printed.lines().count(), printed);
    assertTrue(printed.contains("older than 2.1"), printed);
  }
}
