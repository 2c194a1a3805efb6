package dev.currents.agent.tracing;

import java.util.Locale;

/**
 * The {@code url.full} of a span: the request's URL without user info, with the value of every query parameter
 * whose name looks like a credential replaced by {@code REDACTED}. Names are compared lower-cased, percent-decoded
 * and without {@code -}, {@code _} and {@code .}: {@code apiKey}, {@code api_key}, {@code x-currents-key},
 * {@code access_token}, {@code client_secret}, {@code password}, {@code X-Amz-Signature} are all credentials.
 * Redacting a harmless parameter costs a little detail; exporting a key would be a leak.
 */
final class RedactedUrl {

  static final String REDACTED = "REDACTED";

  /** A name containing one of these is a credential. */
  private static final String[] CREDENTIAL_PARTS = {
    "key", "token", "secret", "passw", "pwd", "credential", "signature", "session", "cookie", "authorization"
  };
  /** Names that are credentials on their own, but too short to look for inside others ({@code author}). */
  private static final String[] CREDENTIAL_NAMES = {"auth", "sig", "code", "jwt"};

  private RedactedUrl() {}

  /**
   * @param port -1 for the scheme's default, which the URL then leaves out
   * @param rawPath the still percent-encoded path
   * @param rawQuery the still percent-encoded query, or null
   */
  static String of(String scheme, String host, int port, String rawPath, String rawQuery) {
    StringBuilder url = new StringBuilder(64).append(scheme).append("://");
    boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
    url.append(ipv6 ? "[" : "").append(host).append(ipv6 ? "]" : "");
    if (port >= 0) {
      url.append(':').append(port);
    }
    url.append(rawPath);
    if (rawQuery != null) {
      url.append('?');
      appendRedacted(url, rawQuery);
    }
    return url.toString();
  }

  private static void appendRedacted(StringBuilder url, String query) {
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      int equals = query.indexOf('=', start);
      if (equals >= 0 && equals < end && isCredential(query.substring(start, equals))) {
        url.append(query, start, equals + 1).append(REDACTED);
      } else {
        url.append(query, start, end);
      }
      if (end < query.length()) {
        url.append('&');
      }
      start = end + 1;
    }
  }

  static boolean isCredential(String rawName) {
    String name = normalized(rawName);
    for (String part : CREDENTIAL_PARTS) {
      if (name.contains(part)) {
        return true;
      }
    }
    for (String credential : CREDENTIAL_NAMES) {
      if (name.equals(credential)) {
        return true;
      }
    }
    return false;
  }

  /** Lower case, percent escapes decoded (one level), without {@code -}, {@code _}, {@code .} and {@code []}. */
  private static String normalized(String rawName) {
    StringBuilder name = new StringBuilder(rawName.length());
    for (int i = 0; i < rawName.length(); i++) {
      char c = rawName.charAt(i);
      if (c == '%' && i + 2 < rawName.length() && isHex(rawName.charAt(i + 1)) && isHex(rawName.charAt(i + 2))) {
        c = (char) Integer.parseInt(rawName.substring(i + 1, i + 3), 16);
        i += 2;
      }
      if ("-_.[]+ ".indexOf(c) < 0) {
        name.append(c);
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
