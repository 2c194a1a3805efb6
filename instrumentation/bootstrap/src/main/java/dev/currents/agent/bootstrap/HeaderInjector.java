package dev.currents.agent.bootstrap;

/**
 * How an instrumentation adds a header to its library's request before it is sent, for trace context propagation;
 * whether and what to add, the bridge decides ({@link CurrentsHeaders#propagate}).
 */
public interface HeaderInjector<R> extends HeaderGetter<R> {

  /**
   * The request to send: {@code request} itself with the header added, or, for libraries whose requests are
   * immutable, a copy of it that has the header.
   */
  R with(R request, String name, String value);
}
