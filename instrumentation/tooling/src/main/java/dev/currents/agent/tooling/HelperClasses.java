package dev.currents.agent.tooling;

import dev.currents.agent.bootstrap.AgentErrors;
import java.io.IOException;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Puts an instrumentation's helper classes beside the library it weaves: defined in the class loader of each class
 * it weaves, once per loader, before that class runs, so that advice inlined there calls them by name and they use
 * the library's types as any class of the application does. Each copy of the library, in whatever loader, gets
 * helpers of its own, typed against that copy.
 *
 * <p>Helpers may use the library and the bootstrap bridge; nothing else of the agent's is visible to them. They are
 * defined in the order declared, so a helper comes after the helpers it extends.
 */
final class HelperClasses implements AgentBuilder.Transformer {

  private final List<Class<?>> helpers;
  private final ClassDefiner definer;
  /** Read once, on the first injection: an application that never loads the library never pays for it. */
  private volatile Map<String, byte[]> classFiles;

  HelperClasses(List<Class<?>> helpers, ClassDefiner definer) {
    this.helpers = helpers;
    this.definer = definer;
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    // The bootstrap loader has no copy of a library: only JDK classes are woven there, with helpers of their own.
    if (loader != null) {
      inject(loader, protectionDomain);
    }
    return builder;
  }

  /**
   * Each helper not in {@code loader} yet: the definer knows what it defined where. Synchronized for the class files,
   * read once.
   */
  private synchronized void inject(ClassLoader loader, ProtectionDomain protectionDomain) {
    try {
      for (Map.Entry<String, byte[]> helper : classFiles().entrySet()) {
        definer.define(loader, helper.getKey(), helper.getValue(), protectionDomain);
      }
    } catch (Throwable t) {
      // The advice that calls a missing helper fails inside its own guard: that copy of the library goes unrecorded.
      AgentErrors.report("putting helper classes in " + loader, t);
    }
  }

  private Map<String, byte[]> classFiles() throws IOException {
    Map<String, byte[]> files = classFiles;
    if (files == null) {
      files = new LinkedHashMap<>();
      for (Class<?> helper : helpers) {
        files.put(helper.getName(), ClassFileLocator.ForClassLoader.read(helper));
      }
      classFiles = files = Collections.unmodifiableMap(files);
    }
    return files;
  }
}
