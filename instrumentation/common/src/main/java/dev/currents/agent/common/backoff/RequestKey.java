package dev.currents.agent.common.backoff;

import java.util.Locale;

/**
 * "The same request" of SPEC section 5: method, scheme, host, port, path, query and credential fingerprint.
 * Built once per attempt by the caller; the hash is computed at construction because every lookup of a retry
 * chain hashes it. Scheme and host compare case-insensitively and an absent port is the scheme's default, as
 * in URL equivalence; path and query compare as sent.
 */
public final class RequestKey {

  private static final int NO_PORT = -1;

  private final String method;
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final String query;
  private final long credentialFingerprint;
  private final int hash;

  private RequestKey(
      String method, String scheme, String host, int port, String path, String query, long credential) {
    this.method = method;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.query = query;
    this.credentialFingerprint = credential;
    int h = method.hashCode();
    h = 31 * h + scheme.hashCode();
    h = 31 * h + host.hashCode();
    h = 31 * h + port;
    h = 31 * h + path.hashCode();
    h = 31 * h + query.hashCode();
    this.hash = 31 * h + Long.hashCode(credential);
  }

  /**
   * @param port the URL's port, or -1 for the scheme's default
   * @param query the raw query, or null for none (the same as empty)
   * @param credentialFingerprint {@code CredentialFingerprint.of(...)} of the credential header, 0 for none
   */
  public static RequestKey of(
      String method,
      String scheme,
      String host,
      int port,
      String path,
      String query,
      long credentialFingerprint) {
    String normalScheme = lowerCase(scheme);
    return new RequestKey(
        orEmpty(method),
        normalScheme,
        lowerCase(withoutTrailingDot(host)),
        port == NO_PORT ? defaultPort(normalScheme) : port,
        orEmpty(path),
        orEmpty(query),
        credentialFingerprint);
  }

  private static int defaultPort(String scheme) {
    switch (scheme) {
      case "https":
        return 443;
      case "http":
        return 80;
      default:
        return NO_PORT;
    }
  }

  /** toLowerCase returns the string itself when it is lower case already, the usual case: no allocation. */
  private static String lowerCase(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String withoutTrailingDot(String host) {
    return host != null && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RequestKey)) {
      return false;
    }
    RequestKey other = (RequestKey) o;
    return hash == other.hash
        && port == other.port
        && credentialFingerprint == other.credentialFingerprint
        && path.equals(other.path)
        && query.equals(other.query)
        && host.equals(other.host)
        && method.equals(other.method)
        && scheme.equals(other.scheme);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** For debugging: no query and no fingerprint, since either may carry a credential (SPEC section 7). */
  @Override
  public String toString() {
    return method + " " + scheme + "://" + host + ":" + port + path
        + (query.isEmpty() ? "" : "?<query>")
        + (credentialFingerprint == 0 ? "" : " [credential]");
  }
}
