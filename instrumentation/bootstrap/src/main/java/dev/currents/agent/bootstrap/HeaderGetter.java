package dev.currents.agent.bootstrap;

/**
 * How an instrumentation reads a header of its library's request or response. The bridge decides which headers it
 * reads ({@link CurrentsHeaders}); the instrumentation only knows how its library keeps them.
 */
public interface HeaderGetter<C> {

  /** The first value of the header {@code name}, matched as the library matches header names, or null. */
  String first(C carrier, String name);
}
