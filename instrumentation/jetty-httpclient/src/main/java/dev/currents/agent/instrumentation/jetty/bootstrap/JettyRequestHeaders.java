package dev.currents.agent.instrumentation.jetty.bootstrap;

import dev.currents.agent.bootstrap.HeaderInjector;
import dev.currents.agent.bootstrap.WeakIdentityMap;

/**
 * Adds {@code traceparent} to a Jetty request before it is sent. Jetty copies a request's headers into the next
 * request of its conversation (a followed redirect, an authentication resend), so the next one arrives with the
 * {@code traceparent} the agent gave the previous one: that value is the agent's, and is replaced by the new
 * attempt's. A value the application or another agent set is kept.
 */
public final class JettyRequestHeaders implements HeaderInjector<Object> {

  /** The last value the agent set in each conversation. */
  private static final WeakIdentityMap<Object, String> SET_BY_THE_AGENT = new WeakIdentityMap<>();

  /** The request's header, unless it is the value the agent set in an earlier request of its conversation. */
  @Override
  public String first(Object request, String name) {
    try {
      String value = JettyAccess.requestHeader(request, name);
      if (value == null) {
        return null;
      }
      Object conversation = JettyAccess.conversation(request);
      return conversation == null || !value.equals(SET_BY_THE_AGENT.get(conversation)) ? value : null;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  @Override
  public Object with(Object request, String name, String value) {
    try {
      JettyAccess.putRequestHeader(request, name, value);
      Object conversation = JettyAccess.conversation(request);
      if (conversation != null) {
        SET_BY_THE_AGENT.put(conversation, value);
      }
      return request;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
