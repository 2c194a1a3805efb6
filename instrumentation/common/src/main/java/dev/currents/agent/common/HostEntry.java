package dev.currents.agent.common;

import java.util.Locale;

/** One accepted entry of {@code currents.agent.hosts}, parsed and checked at start-up. */
final class HostEntry {

  private static final int MAX_NAME_LENGTH = 253;
  private static final int MAX_LABEL_LENGTH = 63;

  /** Lower case, no trailing dot; an IPv6 address without brackets; a wildcard's domain without "*.". */
  final String host;
  final int port;
  final boolean wildcard;
  final String canonical;

  private HostEntry(String host, int port, boolean wildcard, boolean ipv6) {
    this.host = host;
    this.port = port;
    this.wildcard = wildcard;
    String written = ipv6 ? "[" + host + "]" : wildcard ? "*." + host : host;
    this.canonical = port == HostFilter.ANY_PORT ? written : written + ":" + port;
  }

  /** The entry, or null when it is malformed. {@code text} is trimmed and not empty. */
  static HostEntry parse(String text) {
    if (text.charAt(0) == '[') {
      int close = text.indexOf(']');
      if (close < 0) {
        return null;
      }
      String address = text.substring(1, close);
      int port = portAfter(text, close + 1);
      return isIpv6(address) && port >= 0 ? new HostEntry(lower(address), port, false, true) : null;
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    int port = colon < 0 ? HostFilter.ANY_PORT : portAfter(text, colon);
    boolean wildcard = name.startsWith("*.");
    if (wildcard) {
      name = name.substring(2);
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return isHostName(name) && port >= 0 ? new HostEntry(lower(name), port, wildcard, false) : null;
  }

  /** The port written as ":port" from {@code index} to the end, ANY_PORT when nothing follows, -1 if bad. */
  private static int portAfter(String text, int index) {
    if (index == text.length()) {
      return HostFilter.ANY_PORT;
    }
    if (text.charAt(index) != ':' || text.length() - index - 1 < 1 || text.length() - index - 1 > 5) {
      return -1;
    }
    int port = 0;
    for (int i = index + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port >= 1 && port <= 65535 ? port : -1;
  }

  /** Letters, digits, '-' and '_' (compose and Kubernetes service names), in non-empty dot-separated labels. */
  private static boolean isHostName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    int labelLength = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return false;
        }
        labelLength = 0;
      } else if (isAsciiLetterOrDigit(c) || c == '-' || c == '_') {
        if (++labelLength > MAX_LABEL_LENGTH) {
          return false;
        }
      } else {
        return false;
      }
    }
    return labelLength > 0;
  }

  /** Hex digits, ':' and '.' (an embedded IPv4 address), with at least two colons; compared as text. */
  private static boolean isIpv6(String address) {
    int colons = 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == ':') {
        colons++;
      } else if (!(c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return colons >= 2;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
