package dev.currents.agent.tooling;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/** Defines a class in a class loader that is not the agent's: how helper classes go beside their library. */
public interface ClassDefiner {

  void define(ClassLoader loader, String name, byte[] classFile, ProtectionDomain protectionDomain) throws Exception;

  /**
   * {@code ClassLoader.defineClass}, which the agent may call once {@code java.lang} is opened to it: the loader
   * then knows the class as one of its own, as it would a class it loaded itself.
   */
  static ClassDefiner through(Instrumentation instrumentation) throws NoSuchMethodException {
    instrumentation.redefineModule(
        ClassLoader.class.getModule(),
        Set.of(),
        Map.of(),
        Map.of("java.lang", Set.of(ClassDefiner.class.getModule())),
        Set.of(),
        Map.of());
    Method defineClass =
        ClassLoader.class.getDeclaredMethod(
            "defineClass", String.class, byte[].class, int.class, int.class, ProtectionDomain.class);
    defineClass.setAccessible(true);
    return (loader, name, classFile, protectionDomain) ->
        defineClass.invoke(loader, name, classFile, 0, classFile.length, protectionDomain);
  }
}
