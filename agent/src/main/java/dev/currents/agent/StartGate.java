package dev.currents.agent;

import dev.currents.agent.bootstrap.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the agent start in the background without missing a request: while it starts, a class it will weave
 * waits before loading, then is woven by the agent's transformer directly (the JVM does not show a class
 * load that is already under way to a transformer added meanwhile). Every other class loads at once.
 */
final class StartGate implements ClassFileTransformer {

  /** Never hold the application longer than this, whatever happens to the start. */
  private static final long MAX_WAIT_SECONDS = 10;

  private final String[] heldTypes;
  private final CountDownLatch started = new CountDownLatch(1);
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
    if (className == null || classBeingRedefined != null || started.getCount() == 0 || !isHeld(className)) {
      return null;
    }
    if (Thread.currentThread() == starter) {
      return null;
    }
    try {
      if (!started.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
        AgentLog.warnOnce("start gate", "the agent is slow to start; " + className.replace('/', '.') + " is not instrumented");
        return null;
      }
      ClassFileTransformer current = weaver;
      return current == null ? null : current.transform(module, loader, className, null, protectionDomain, classfileBuffer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Throwable t) {
      return null;
    }
  }

  private boolean isHeld(String className) {
    for (String held : heldTypes) {
      if (held.endsWith("/") ? className.startsWith(held) : className.equals(held)) {
        return true;
      }
    }
    return false;
  }
}
