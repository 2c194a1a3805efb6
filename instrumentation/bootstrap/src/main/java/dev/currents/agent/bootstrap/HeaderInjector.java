package dev.currents.agent.bootstrap;

/**
 * How one client library adds a header to a request it is about to send, for trace context propagation.
 * Requests are plain objects because the bootstrap loader cannot see their types; implementations live beside
 * their instrumentation, in the agent's class loader, and are registered with {@link CurrentsRequests}.
 *
 * <p>A client whose request type not even the agent's class loader can see (a library in the application's
 * loader, such as OkHttp) cannot have one: its advice, inlined where the type is visible, adds
 * {@link Attempt#traceparent()} itself, and only when the request carries no {@code traceparent} yet.
 */
public interface HeaderInjector {

  /** Whether the request already carries the header: an outer client, the application or another agent set it. */
  boolean has(Object request, String name);

  /**
   * The request to send: {@code request} itself with the header added, or, for clients whose requests are
   * immutable, a copy of it that has the header.
   */
  Object with(Object request, String name, String value);
}
