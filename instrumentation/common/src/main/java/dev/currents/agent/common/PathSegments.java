package dev.currents.agent.common;

/**
 * Reads segments of a raw path in place, decoding {@code %XX} escapes on the fly the way a server would before
 * routing, so that matching allocates nothing.
 */
final class PathSegments {

  private PathSegments() {}

  /**
   * The end of the path part (before '?' or '#'), or -1 when it is longer than {@code maxLength}; reads at most
   * {@code maxLength + 1} characters.
   */
  static int pathEnd(String rawPath, int maxLength) {
    int length = rawPath.length();
    int limit = Math.min(length, maxLength + 1);
    for (int i = 0; i < limit; i++) {
      char c = rawPath.charAt(i);
      if (c == '?' || c == '#') {
        return i;
      }
    }
    return length > maxLength ? -1 : length;
  }

  /** Whether path[start, end) is {@code literal}, decoding escapes only when the segment has any. */
  static boolean segmentEquals(String path, int start, int end, boolean encoded, String literal) {
    int literalLength = literal.length();
    if (!encoded) {
      return end - start == literalLength && path.regionMatches(start, literal, 0, literalLength);
    }
    int j = 0;
    for (int i = start; i < end; j++) {
      if (j == literalLength) {
        return false;
      }
      int decoded = escapedAt(path, i, end);
      char c;
      if (decoded >= 0) {
        c = (char) decoded;
        i += 3;
      } else {
        c = path.charAt(i);
        i++;
      }
      if (c != literal.charAt(j)) {
        return false;
      }
    }
    return j == literalLength;
  }

  /** Whether path[start, end) is "." or "..", escaped or not: such a segment names no resource. */
  static boolean isDotSegment(String path, int start, int end, boolean encoded) {
    if (!encoded) {
      int length = end - start;
      return (length == 1 || length == 2)
          && path.charAt(start) == '.'
          && path.charAt(end - 1) == '.';
    }
    int dots = 0;
    for (int i = start; i < end; dots++) {
      int decoded = escapedAt(path, i, end);
      char c = decoded >= 0 ? (char) decoded : path.charAt(i);
      if (c != '.' || dots == 2) {
        return false;
      }
      i += decoded >= 0 ? 3 : 1;
    }
    return true;
  }

  /** The byte a valid {@code %XX} at path[i] stands for, or -1. */
  private static int escapedAt(String path, int i, int end) {
    if (path.charAt(i) != '%' || i + 2 >= end) {
      return -1;
    }
    int high = hexValue(path.charAt(i + 1));
    int low = hexValue(path.charAt(i + 2));
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }

  /** ASCII only: Character.digit would also accept other scripts' digits. */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
