package dev.currents.agent.tooling;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/** Defines a class in a class loader that is not the agent's: how helper classes go beside their library. */
public interface ClassDefiner {

  /**
   * Defines the class in {@code loader}, unless this definer has defined it there already (two instrumentations
   * may share a helper, as those of the clients built on Netty do).
   */
  void define(ClassLoader loader, String name, byte[] classFile, ProtectionDomain protectionDomain) throws Exception;

  /** The definer the agent uses: see {@link LoaderDefineClass}. */
  static ClassDefiner through(Instrumentation instrumentation) throws NoSuchMethodException {
    return new LoaderDefineClass(instrumentation);
  }
}
