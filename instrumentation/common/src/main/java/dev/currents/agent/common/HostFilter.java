package dev.currents.agent.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The hosts whose requests the agent records ({@code currents.agent.hosts}). Every HTTP request of the
 * application pays {@link #matches}, so it compares the host in place against small arrays: no allocation,
 * and most hosts fail on their length.
 */
public final class HostFilter {

  public static final String DEFAULTS = "api.currents.dev,api-staging.currents.dev,cy.currents.dev";

  /** Port of an entry written without one: it matches every port. */
  static final int ANY_PORT = 0;

  /** Host names, and IPv6 addresses without brackets, all lower case. */
  private final String[] hosts;
  private final int[] hostPorts;
  /** "*.domain" entries as ".domain". */
  private final String[] suffixes;
  private final int[] suffixPorts;
  private final List<String> entries;
  private final List<String> rejected;

  private HostFilter(List<HostEntry> accepted, List<String> rejected) {
    List<String> canonical = new ArrayList<>();
    List<HostEntry> exact = new ArrayList<>();
    List<HostEntry> wildcard = new ArrayList<>();
    for (HostEntry entry : accepted) {
      if (!canonical.contains(entry.canonical)) {
        canonical.add(entry.canonical);
        (entry.wildcard ? wildcard : exact).add(entry);
      }
    }
    this.hosts = new String[exact.size()];
    this.hostPorts = new int[exact.size()];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] = exact.get(i).host;
      hostPorts[i] = exact.get(i).port;
    }
    this.suffixes = new String[wildcard.size()];
    this.suffixPorts = new int[wildcard.size()];
    for (int i = 0; i < suffixes.length; i++) {
      suffixes[i] = "." + wildcard.get(i).host;
      suffixPorts[i] = wildcard.get(i).port;
    }
    this.entries = List.copyOf(canonical);
    this.rejected = List.copyOf(rejected);
  }

  /**
   * Parses a comma list of {@code host}, {@code host:port}, {@code *.domain} (any subdomain at any depth, not
   * the domain itself), {@code [ipv6]} and {@code [ipv6]:port}; a wildcard may carry a port too. Malformed
   * entries are set aside in {@link #rejected()}; null or blank gives a filter that matches nothing.
   */
  public static HostFilter parse(String commaList) {
    List<HostEntry> accepted = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    if (commaList != null) {
      int start = 0;
      while (start <= commaList.length()) {
        int comma = commaList.indexOf(',', start);
        int end = comma < 0 ? commaList.length() : comma;
        String text = commaList.substring(start, end).trim();
        if (!text.isEmpty()) {
          HostEntry entry = HostEntry.parse(text);
          if (entry == null) {
            rejected.add(text);
          } else {
            accepted.add(entry);
          }
        }
        start = end + 1;
      }
    }
    return new HostFilter(accepted, rejected);
  }

  /** The accepted entries in canonical form (lower case, no trailing dot), without duplicates. */
  public List<String> entries() {
    return entries;
  }

  /** The malformed entries as written (trimmed), for the caller to report. */
  public List<String> rejected() {
    return rejected;
  }

  /**
   * Whether a request to this host is recorded. {@code port} -1 stands for the scheme's default port; the host
   * may end with a dot and an IPv6 address may come with or without brackets.
   */
  public boolean matches(String host, int port, boolean https) {
    if (host == null) {
      return false;
    }
    int from = 0;
    int to = host.length();
    if (to > 0 && host.charAt(to - 1) == '.') {
      to--;
    }
    if (to >= 2 && host.charAt(0) == '[' && host.charAt(to - 1) == ']') {
      from = 1;
      to--;
    }
    int length = to - from;
    if (length == 0) {
      return false;
    }
    int effectivePort = port == -1 ? (https ? 443 : 80) : port;
    for (int i = 0; i < hosts.length; i++) {
      String candidate = hosts[i];
      if (candidate.length() == length
          && (hostPorts[i] == ANY_PORT || hostPorts[i] == effectivePort)
          && host.regionMatches(true, from, candidate, 0, length)) {
        return true;
      }
    }
    for (int i = 0; i < suffixes.length; i++) {
      String suffix = suffixes[i];
      int suffixLength = suffix.length();
      if (length > suffixLength
          && (suffixPorts[i] == ANY_PORT || suffixPorts[i] == effectivePort)
          && host.regionMatches(true, to - suffixLength, suffix, 0, suffixLength)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.join(",", entries);
  }
}
