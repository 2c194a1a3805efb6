package dev.currents.agent.tooling;

import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code ClassLoader.defineClass}, which the agent may call once {@code java.lang} is opened to it: the loader then
 * knows the class as one of its own, as it would a class it loaded itself.
 */
final class LoaderDefineClass implements ClassDefiner {

  private final Method defineClass;
  /** What this definer defined in each loader; a loader that goes away takes its entry with it. */
  private final WeakIdentityMap<ClassLoader, Set<String>> defined = new WeakIdentityMap<>();

  LoaderDefineClass(Instrumentation instrumentation) throws NoSuchMethodException {
    instrumentation.redefineModule(
        ClassLoader.class.getModule(),
        Set.of(),
        Map.of(),
        Map.of("java.lang", Set.of(LoaderDefineClass.class.getModule())),
        Set.of(),
        Map.of());
    defineClass =
        ClassLoader.class.getDeclaredMethod(
            "defineClass", String.class, byte[].class, int.class, int.class, ProtectionDomain.class);
    defineClass.setAccessible(true);
  }

  /** Synchronized: helpers are defined once per loader and library, rarely, and never twice. */
  @Override
  public synchronized void define(ClassLoader loader, String name, byte[] classFile, ProtectionDomain protectionDomain)
      throws Exception {
    Set<String> names = defined.putIfAbsent(loader, new HashSet<>());
    if (!names.add(name)) {
      return;
    }
    try {
      defineClass.invoke(loader, name, classFile, 0, classFile.length, protectionDomain);
    } catch (InvocationTargetException e) {
      names.remove(name);
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw cause instanceof Exception ? (Exception) cause : e;
    }
  }
}
