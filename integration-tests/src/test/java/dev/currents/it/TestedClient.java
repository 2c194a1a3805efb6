package dev.currents.it;

import java.util.Set;

/**
 * One client the test application's driver offers (dev.currents.testapp.ClientAdapters), as the client suite sees
 * it: the name a call line gives, the {@code client} tag the agent records it with, and what it can do beyond
 * the calls every client makes.
 */
record TestedClient(String name, String tag, Set<Feature> features) {

  enum Feature {
    /** Cancels a call in flight on {@code cancelAfterMs}. */
    CANCEL,
    /** Has a deadline for the whole call, {@code callTimeoutMs}, apart from its connect and read timeouts. */
    CALL_TIMEOUT,
    /**
     * Each request it sends is an attempt of its own: each hop of a followed redirect, each of its own resends.
     * Without it, one call is one attempt, however many requests the client sent for it.
     */
    EACH_REQUEST_IS_AN_ATTEMPT,
    /** Resends by itself a request that failed on a reused connection. */
    RETRIES_ON_CONNECTION_FAILURE,
    /** A library the application brings, which a second copy in another class loader can bring again. */
    LOADED_BY_THE_APPLICATION,
    /**
     * Follows a redirect without the request's {@code Authorization} header (Jetty removes it from every hop it
     * follows, whatever the target), so the simulated API refuses the target with a 401.
     */
    DROPS_CREDENTIALS_ON_REDIRECT,
    /**
     * Answers a {@code WWW-Authenticate} challenge it has credentials for by sending the request again, each send
     * an attempt (Jetty's authentication handlers; the driver's Jetty adapters have credentials for the realm
     * {@code currents-it}).
     */
    ANSWERS_AUTHENTICATION_CHALLENGES,
    /** Resends a 429 or a 503 once by itself, after the {@code Retry-After} it gave (Apache HttpClient 5). */
    RESENDS_429_AND_503_AFTER_RETRY_AFTER,
    /** Resends a 429 or a 503 once by itself, at once whatever its {@code Retry-After} (Apache HttpClient 5.0 async). */
    RESENDS_429_AND_503_AT_ONCE,
    /** Resends a 503 once by itself after a fixed wait (Apache HttpClient 4 with a service-unavailable retry strategy). */
    RESENDS_503_AFTER_A_FIXED_WAIT,
    /**
     * Speaks HTTP/2 over TLS where the server offers it by ALPN (told to by the call's {@code http2=true} where it
     * needs to be): the suite runs its per-scheme tests over {@code h2} as well, each call checked to have reached
     * the API over HTTP/2.
     */
    SPEAKS_HTTP2,
    /**
     * Sends concurrent HTTP/2 requests as streams of the connections it has (Apache HttpClient 5's pooling connection
     * manager leases an HTTP/2 connection to one request at a time, as an HTTP/1.1 one).
     */
    MULTIPLEXES_HTTP2,
    /**
     * Over HTTP/2, lets a response take as long as it takes whatever its read timeout (Apache HttpClient 5 applies its
     * response timeout to the connection's socket, which its other streams keep busy).
     */
    NO_READ_TIMEOUT_OVER_HTTP2,
    /** Speaks HTTP/2 in clear text (h2c) too, upgrading an HTTP/1.1 connection (told to by {@code http2=true}). */
    SPEAKS_H2C
  }

  boolean can(Feature feature) {
    return features.contains(feature);
  }

  /** Whether it resends a 429 by itself, after the {@code Retry-After} or not. */
  boolean resends429() {
    return can(Feature.RESENDS_429_AND_503_AFTER_RETRY_AFTER) || can(Feature.RESENDS_429_AND_503_AT_ONCE);
  }

  /** Whether it resends a 503 by itself, after a wait or not. */
  boolean resends503() {
    return resends429() || can(Feature.RESENDS_503_AFTER_A_FIXED_WAIT);
  }

  /** The same client, used from a second copy of the application in a class loader of its own. */
  TestedClient inSecondCopy() {
    return new TestedClient("second-copy/" + name, tag, features);
  }

  @Override
  public String toString() {
    return name;
  }
}
