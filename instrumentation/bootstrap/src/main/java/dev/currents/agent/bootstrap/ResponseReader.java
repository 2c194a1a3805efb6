package dev.currents.agent.bootstrap;

/**
 * Reads a response that a client hands to a future ({@link CurrentsRequests#registeredResponses}), whose type the bootstrap
 * loader cannot see (the JDK's {@code java.net.http} lives in the platform loader): its status and headers.
 */
public interface ResponseReader<S> extends HeaderGetter<S> {

  int status(S response);
}
