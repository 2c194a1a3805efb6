package dev.currents.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;
import org.junit.jupiter.api.Test;

/** Plays the JVM's part: each class load goes to the transformers registered when it began, in order. */
class StartGateTest {

  private static final String HELD = "okhttp3/internal/connection/ConnectInterceptor";
  private static final byte[] CLASS_FILE = {1, 2, 3};
  private static final ClassLoader LOADER = new URLClassLoader(new URL[0]);

  private final CountingWeaver weaves = new CountingWeaver();
  private final StartGate gate = new StartGate(List.of(HELD));
  private final GatedWeaver weaver = new GatedWeaver(weaves, gate);

  @Test
  void aLoadThatReachesTheGateAndTheWeaverIsWovenOnce() throws Exception {
    gate.open(weaver);

    byte[] afterGate = gate.transform(null, LOADER, HELD, null, null, CLASS_FILE);
    byte[] afterWeaver = weaver.transform(null, LOADER, HELD, null, null, afterGate);

    assertArrayEquals(new byte[] {1, 2, 3, 'W'}, afterGate);
    assertNull(afterWeaver);
    assertEquals(1, weaves.count.get());
  }

  @Test
  void aLoadOnlyTheWeaverSeesIsWoven() throws Exception {
    gate.open(weaver);

    assertArrayEquals(new byte[] {1, 2, 3, 'W'}, weaver.transform(null, LOADER, HELD, null, null, CLASS_FILE));
  }

  @Test
  void theSameClassInAnotherLoaderIsWovenAfterALoadOnlyTheGateSaw() throws Exception {
    gate.open(weaver);
    gate.transform(null, LOADER, HELD, null, null, CLASS_FILE);

    ClassLoader secondCopy = new URLClassLoader(new URL[0]);
    assertArrayEquals(new byte[] {1, 2, 3, 'W'}, weaver.transform(null, secondCopy, HELD, null, null, CLASS_FILE));
    assertEquals(2, weaves.count.get());
  }

  @Test
  void aHeldClassWaitsForTheStartAndIsThenWoven() throws Exception {
    CompletableFuture<byte[]> load =
        CompletableFuture.supplyAsync(() -> gate.transform(null, LOADER, HELD, null, null, CLASS_FILE));
    try {
      load.get(200, TimeUnit.MILLISECONDS);
      throw new AssertionError("the load did not wait for the start");
    } catch (TimeoutException expected) {
      // still held
    }

    gate.open(weaver);

    assertArrayEquals(new byte[] {1, 2, 3, 'W'}, load.get(5, TimeUnit.SECONDS));
  }

  @Test
  void otherClassesAndRetransformationsPassTheGateUntouched() throws Exception {
    assertNull(gate.transform(null, LOADER, "com/example/Service", null, null, CLASS_FILE));
    assertNull(gate.transform(null, LOADER, HELD, Object.class, null, CLASS_FILE));
    assertEquals(0, weaves.count.get());
  }

  @Test
  void aStartThatFailedLetsHeldClassesLoadAsTheyAre() throws Exception {
    gate.open(null);

    assertNull(gate.transform(null, LOADER, HELD, null, null, CLASS_FILE));
  }

  /** Appends a 'W' to what it weaves, and counts. */
  private static final class CountingWeaver extends ResettableClassFileTransformer.AbstractBase {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public byte[] transform(
        ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
      count.incrementAndGet();
      byte[] woven = java.util.Arrays.copyOf(classFile, classFile.length + 1);
      woven[classFile.length] = 'W';
      return woven;
    }

    @Override
    public Iterator<AgentBuilder.Transformer> iterator(
        TypeDescription type, ClassLoader loader, JavaModule module, Class<?> redefined, ProtectionDomain domain) {
      return Collections.emptyIterator();
    }

    @Override
    public boolean reset(
        Instrumentation instrumentation,
        ResettableClassFileTransformer classFileTransformer,
        AgentBuilder.RedefinitionStrategy redefinitionStrategy,
        AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discoveryStrategy,
        AgentBuilder.RedefinitionStrategy.BatchAllocator redefinitionBatchAllocator,
        AgentBuilder.RedefinitionStrategy.Listener redefinitionListener) {
      return false;
    }
  }
}
