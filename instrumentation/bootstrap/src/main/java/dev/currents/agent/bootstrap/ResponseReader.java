package dev.currents.agent.bootstrap;

/**
 * Reads a response object whose type the bootstrap loader cannot see (the JDK's {@code java.net.http} lives
 * in the platform loader, libraries in the application's). Implementations live beside their
 * instrumentation, in the agent's class loader, and are registered with {@link CurrentsRequests}.
 */
public interface ResponseReader {

  int status(Object response);

  /** The first value of the named header, or null. */
  String header(Object response, String name);
}
