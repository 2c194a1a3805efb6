package dev.currents.agent.tooling;

import dev.currents.agent.bootstrap.HeaderInjector;
import dev.currents.agent.bootstrap.ResponseReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP client library family's instrumentation, declared: its name, where it hooks, which copies of the library
 * it supports and which helper classes go beside it. The agent derives the weaving, the start gate and the switch
 * that turns it off ({@code currents.agent.instrumentation.<name>.enabled}) from this description ({@link Weaving}).
 * Implementations are found with {@link java.util.ServiceLoader} in the agent's class loader, each registered by one
 * line in its module's {@code META-INF/services}.
 *
 * <p>Advice classes only gather facts and hand them to {@code dev.currents.agent.bootstrap.CurrentsRequests}.
 * Classes that advice calls directly, other than that bridge, are either helpers, typed against the library and
 * defined beside it, or state that every copy of the library shares, in a {@code .bootstrap} sub-package of the
 * module, loaded by the bootstrap class loader where every instrumented class can see it.
 */
public abstract class ClientInstrumentation {

  private final String name;
  private final List<String> wovenClasses;
  private Declaration declaration;

  /**
   * @param name the instrumentation's name, as in {@code currents.agent.instrumentation.<name>.enabled} and the
   *     start-up line: the library family, lower case with dashes ({@code okhttp}, {@code apache-httpclient-5})
   * @param wovenClasses the classes its hooks weave, by binary name, or packages ending in {@code .} whose classes
   *     they may weave: what the agent's start gate holds while the agent starts, before any hook is declared (a
   *     hook on any other class fails the weaving, and so the tests)
   */
  protected ClientInstrumentation(String name, String... wovenClasses) {
    this.name = name;
    List<String> internalNames = new ArrayList<>();
    for (String woven : wovenClasses) {
      internalNames.add(woven.replace('.', '/'));
    }
    this.wovenClasses = List.copyOf(internalNames);
  }

  /**
   * Says where it hooks and what it needs. Called once, when the agent weaves, on its start thread: finding the
   * instrumentations in {@code premain} builds no matcher and loads no advice.
   */
  protected abstract void declare(Declaration declaration);

  public final String name() {
    return name;
  }

  /**
   * The classes it weaves, as internal names, or package prefixes ending in {@code /}: what the agent's start gate
   * holds for it, known without declaring its hooks, so that {@code premain} builds none. See the constructor.
   */
  public final List<String> wovenClasses() {
    return wovenClasses;
  }

  /** Whether it weaves the class {@code internalName}: one of {@link #wovenClasses()} names or contains it. */
  public final boolean weaves(String internalName) {
    for (String woven : wovenClasses) {
      if (covers(woven, internalName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an entry of {@link #wovenClasses()}, a class or a package prefix, is or contains {@code internalName}. */
  public static boolean covers(String woven, String internalName) {
    return woven.endsWith("/") ? internalName.startsWith(woven) : internalName.equals(woven);
  }

  /**
   * The {@code client} tag of the attempts it records: its {@link #name()}, or null for an instrumentation of a
   * layer whose requests are recorded by the client underneath (Jersey).
   */
  public final String client() {
    return declared().client;
  }

  /** The classes it weaves and the advice woven into each. */
  public final List<Hook> hooks() {
    return declared().hooks;
  }

  /**
   * Classes of the module that advice calls, typed against the library: each is defined in the class loader of
   * every class the instrumentation weaves, beside the library ({@link HelperClasses}), in this order.
   */
  public final List<Class<?>> helpers() {
    return declared().helpers;
  }

  /** Which copies of the library it weaves, judged per class loader; null: every copy. */
  public final VersionCheck supportedVersions() {
    return declared().supportedVersions;
  }

  /** How the bridge adds a header to its requests, for a client whose advice cannot name an injector; or null. */
  public final HeaderInjector<?> headerInjector() {
    return declared().headerInjector;
  }

  /** How the bridge reads its responses, for a client whose advice cannot name a reader; or null. */
  public final ResponseReader<?> responseReader() {
    return declared().responseReader;
  }

  /**
   * Packages of the JDK's own modules that its {@code .bootstrap} classes use, as {@code module/package} ({@code
   * java.base/sun.net.www}): the agent exports them to the bootstrap loader's classes before it weaves.
   */
  public final List<String> jdkPackagesUsed() {
    return declared().jdkPackages;
  }

  private synchronized Declaration declared() {
    if (declaration == null) {
      declaration = new Declaration(name);
      declare(declaration);
    }
    return declaration;
  }

  /** What an instrumentation says of itself in {@link #declare}. */
  public static final class Declaration {
    private String client;
    private final List<Hook> hooks = new ArrayList<>();
    private final List<Class<?>> helpers = new ArrayList<>();
    private final List<String> jdkPackages = new ArrayList<>();
    private VersionCheck supportedVersions;
    private HeaderInjector<?> headerInjector;
    private ResponseReader<?> responseReader;

    Declaration(String name) {
      this.client = name;
    }

    /** Weaves a hook's advice into its classes. */
    public Declaration hook(Hook hook) {
      hooks.add(hook);
      return this;
    }

    /** Defines these classes beside the library, in this order; see {@link ClientInstrumentation#helpers()}. */
    public Declaration helpers(Class<?>... classes) {
      helpers.addAll(List.of(classes));
      return this;
    }

    /** Weaves only the copies of the library {@code check} supports. */
    public Declaration supportedVersions(VersionCheck check) {
      supportedVersions = check;
      return this;
    }

    /** Records no attempt of its own: its library sends through another client, whose tag its requests carry. */
    public Declaration layeredOverAnotherClient() {
      client = null;
      return this;
    }

    /** Registers how the bridge adds a header to its requests (the JDK's clients, whose types advice cannot name). */
    public Declaration headerInjector(HeaderInjector<?> injector) {
      headerInjector = injector;
      return this;
    }

    /** Registers how the bridge reads its responses (the JDK's clients, whose types advice cannot name). */
    public Declaration responseReader(ResponseReader<?> reader) {
      responseReader = reader;
      return this;
    }

    /** See {@link ClientInstrumentation#jdkPackagesUsed()}. */
    public Declaration usesJdkPackage(String modulePackage) {
      jdkPackages.add(modulePackage);
      return this;
    }
  }
}
