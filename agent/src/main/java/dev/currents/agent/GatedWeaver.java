package dev.currents.agent;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/** The agent's weaver, leaving alone a class load that the {@link StartGate} has already woven. */
final class GatedWeaver extends ResettableClassFileTransformer.WithDelegation {

  private final StartGate gate;

  GatedWeaver(ResettableClassFileTransformer weaver, StartGate gate) {
    super(weaver);
    this.gate = gate;
  }

  /** The JVM calls the other one, with the class's module; this one, for callers without a module, is the same. */
  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer)
      throws java.lang.instrument.IllegalClassFormatException {
    return transform(null, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer)
      throws java.lang.instrument.IllegalClassFormatException {
    if (classBeingRedefined == null && gate.wove(loader, className)) {
      return null;
    }
    return classFileTransformer.transform(
        module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }
}
