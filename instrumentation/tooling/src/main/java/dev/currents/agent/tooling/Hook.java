package dev.currents.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where an instrumentation hooks into its library: the classes it weaves and, for each, the methods and the
 * advice woven into them. The names it is built from are also those the start gate holds while the agent
 * starts, so the two can never disagree.
 */
public final class Hook {

  private final ElementMatcher<? super TypeDescription> types;
  private final List<String> heldNames;
  private final List<Advised> advice = new ArrayList<>();

  private Hook(ElementMatcher<? super TypeDescription> types, List<String> heldNames) {
    this.types = types;
    this.heldNames = heldNames;
  }

  /** The classes of these binary names ({@code okhttp3.internal.connection.RealCall}), one per version line. */
  public static Hook types(String... names) {
    List<String> held = new ArrayList<>();
    for (String name : names) {
      held.add(name.replace('.', '/'));
    }
    return new Hook(namedOneOf(names), Collections.unmodifiableList(held));
  }

  /**
   * The classes {@code types} matches, all inside the package {@code heldPackage} ({@code
   * org.apache.hc.client5.http.impl.async}), which the start gate holds whole: for hooks on subtypes, which no
   * list of names can give.
   */
  public static Hook typesIn(String heldPackage, ElementMatcher<? super TypeDescription> types) {
    return new Hook(types, List.of(heldPackage.replace('.', '/') + '/'));
  }

  /** Weaves {@code adviceClass} into the methods {@code methods} matches. */
  public Hook advise(ElementMatcher<? super MethodDescription> methods, Class<?> adviceClass) {
    advice.add(new Advised(methods, adviceClass));
    return this;
  }

  ElementMatcher<? super TypeDescription> types() {
    return types;
  }

  /** Internal names, or package prefixes ending in {@code /}, held by the agent's start gate. */
  List<String> heldNames() {
    return heldNames;
  }

  List<Advised> advice() {
    return advice;
  }

  /** One advice class and the methods it goes into. */
  static final class Advised {
    final ElementMatcher<? super MethodDescription> methods;
    final Class<?> adviceClass;

    Advised(ElementMatcher<? super MethodDescription> methods, Class<?> adviceClass) {
      this.methods = methods;
      this.adviceClass = adviceClass;
    }
  }
}
