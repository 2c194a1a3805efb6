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

  /**
   * Removes the header from {@code request}, for a library that copies the headers of a request it sent into the
   * next one it sends for the same call (Vert.x, following a redirect): {@link CurrentsHeaders#withdraw}. Only such
   * libraries implement it.
   */
  default void without(R request, String name) {
    throw new UnsupportedOperationException("no header is removed from " + request.getClass().getName());
  }
}
