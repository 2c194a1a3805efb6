package dev.currents.agent.tooling;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.security.ProtectionDomain;
import java.util.function.Predicate;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Which copies of a library the agent weaves: those its instrumentation supports, judged once per class loader by
 * the classes the loader can see. A copy that is too old is left as it is, with one debug line when its first
 * class the instrumentation would weave is loaded.
 */
public final class VersionCheck {

  private final String library;
  private final String oldestSupported;
  private final Predicate<ClassLoader> supported;
  private final String judgedOnType;
  private final WeakIdentityMap<ClassLoader, Boolean> verdicts = new WeakIdentityMap<>();

  /**
   * @param library the library's name in the debug line ({@code okhttp})
   * @param oldestSupported the oldest version supported, in the debug line ({@code 3.14})
   * @param supported whether a class loader's copy is supported; see {@link #sees}
   */
  public VersionCheck(String library, String oldestSupported, Predicate<ClassLoader> supported) {
    this(library, oldestSupported, supported, null);
  }

  /**
   * @param judgedOnType a class that every version of the library loads ({@code
   *     org.apache.http.client.methods.HttpRequestBase}), so that a copy too old to have any class the
   *     instrumentation weaves still gets its debug line; see {@link #judgedOn}
   */
  public VersionCheck(
      String library, String oldestSupported, Predicate<ClassLoader> supported, String judgedOnType) {
    this.library = library;
    this.oldestSupported = oldestSupported;
    this.supported = supported;
    this.judgedOnType = judgedOnType;
  }

  /** The binary name of the class every version loads, given at construction, or null. */
  public String judgedOnType() {
    return judgedOnType;
  }

  /** Whether the loader sees a class of that internal name ({@code okhttp3/internal/connection/RealCall}). */
  public static boolean sees(ClassLoader loader, String internalName) {
    return loader.getResource(internalName + ".class") != null;
  }

  /** Types matching {@code types} in a class loader whose copy of the library is supported. */
  public AgentBuilder.RawMatcher of(ElementMatcher<? super TypeDescription> types) {
    return (TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        Class<?> classBeingRedefined,
        ProtectionDomain protectionDomain) -> types.matches(type) && isSupported(loader);
  }

  /**
   * Matches nothing, but judges the loader of a type matching {@code types}: for a class that every version of the
   * library loads, so that a version too old to have the classes the instrumentation weaves still gets its line.
   */
  public AgentBuilder.RawMatcher judgedOn(ElementMatcher<? super TypeDescription> types) {
    return (TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        Class<?> classBeingRedefined,
        ProtectionDomain protectionDomain) -> {
      if (types.matches(type)) {
        isSupported(loader);
      }
      return false;
    };
  }

  private boolean isSupported(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    Boolean verdict = verdicts.get(loader);
    return verdict != null ? verdict : judgeOnce(loader);
  }

  /** Synchronized so that two classes of the library loaded at once by two threads print one line. */
  private synchronized boolean judgeOnce(ClassLoader loader) {
    Boolean verdict = verdicts.get(loader);
    if (verdict == null) {
      verdict = supported.test(loader);
      verdicts.put(loader, verdict);
      if (!verdict) {
        AgentLog.debug(library + " in " + loader + " is older than " + oldestSupported
            + ", which the agent does not support: left as it is");
      }
    }
    return verdict;
  }
}
