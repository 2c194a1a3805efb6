package dev.currents.agent;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.tooling.ClientInstrumentation;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the agent start in the background without missing a request: while it starts, a class it will weave
 * waits before loading, then is woven by the agent's weaver directly.
 *
 * <p>The JVM gives each class load to the transformers registered when the load began. The gate, registered
 * first, so weaves every held class whose load it sees, and tells the weaver (a {@link GatedWeaver}) to leave
 * that load alone: a load that began after the weaver was registered but before the gate was removed reaches
 * both, and would otherwise be woven twice, recording every request twice.
 */
final class StartGate implements ClassFileTransformer {

  /** Never hold the application longer than this, whatever happens to the start. */
  private static final long MAX_WAIT_SECONDS = 10;

  private final String[] heldTypes;
  private final CountDownLatch started = new CountDownLatch(1);
  /** The load this thread is in, when the gate wove it; the weaver is called next on the same thread. */
  private final ThreadLocal<WovenLoad> wovenByTheGate = new ThreadLocal<>();
  /** Spares every later class load the thread-local lookup when the gate never wove anything. */
  private volatile boolean woveAny;
  private volatile Thread starter;
  private volatile ClassFileTransformer weaver;

  StartGate(List<String> heldTypes) {
    this.heldTypes = heldTypes.toArray(new String[0]);
  }

  /** The thread that starts the agent: it is never held, or it would wait for itself. */
  void starter(Thread thread) {
    this.starter = thread;
  }

  /** The agent has started; {@code transformer} is its weaver, or null when it could not start. */
  void open(ClassFileTransformer transformer) {
    weaver = transformer;
    started.countDown();
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (className == null || classBeingRedefined != null || !isHeld(className) || Thread.currentThread() == starter) {
      return null;
    }
    try {
      if (!started.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
        AgentLog.warnOnce("start gate", "the agent is slow to start; " + className.replace('/', '.') + " is not instrumented");
        return null;
      }
      ClassFileTransformer current = weaver;
      if (current == null) {
        return null;
      }
      byte[] woven = current.transform(module, loader, className, null, protectionDomain, classfileBuffer);
      woveAny = true;
      wovenByTheGate.set(new WovenLoad(loader, className));
      return woven;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Throwable t) {
      return null;
    }
  }

  /** Whether the gate has just woven this load on this thread; forgets it either way. */
  boolean wove(ClassLoader loader, String className) {
    if (!woveAny) {
      return false;
    }
    WovenLoad load = wovenByTheGate.get();
    if (load == null) {
      return false;
    }
    wovenByTheGate.remove();
    return load.loader == loader && load.className.equals(className);
  }

  private boolean isHeld(String className) {
    for (String held : heldTypes) {
      if (ClientInstrumentation.covers(held, className)) {
        return true;
      }
    }
    return false;
  }

  private static final class WovenLoad {
    final ClassLoader loader;
    final String className;

    WovenLoad(ClassLoader loader, String className) {
      this.loader = loader;
      this.className = className;
    }
  }
}
