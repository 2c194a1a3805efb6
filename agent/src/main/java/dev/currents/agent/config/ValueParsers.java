package dev.currents.agent.config;

import dev.currents.agent.bootstrap.AgentLog;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * One parser per value type. Each takes the text as the user wrote it and returns the value, or throws
 * {@link IllegalArgumentException} whose message says, for a warning line, what is wrong with it.
 */
final class ValueParsers {

  static final String NONE = "none";
  private static final String DURATION_FORM = "use a whole number with ms, s or m, e.g. 250ms, 30s, 5m";

  private ValueParsers() {}

  /** {@code true} or {@code false}, any case. */
  static boolean parseBoolean(String text) {
    String value = text.trim();
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("expected true or false");
  }

  /** A decimal integer from {@code min} to {@code max}. */
  static int parseInt(String text, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(max == Integer.MAX_VALUE
          ? "must be at least " + min
          : "must be from " + min + " to " + max);
    }
    return value;
  }

  /**
   * A whole, non-negative amount followed by {@code ms}, {@code s} or {@code m} (units in any case), no
   * space between. A bare number is rejected: its unit would be a guess. The result always fits
   * {@link Duration#toNanos()}, so callers may do nanosecond arithmetic with it.
   */
  static Duration parseDuration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    int unitStart = value.length();
    while (unitStart > 0 && Character.isLetter(value.charAt(unitStart - 1))) {
      unitStart--;
    }
    String unit = value.substring(unitStart);
    if (unit.isEmpty()) {
      throw new IllegalArgumentException("no unit: " + DURATION_FORM);
    }
    long amount;
    try {
      amount = Long.parseLong(value.substring(0, unitStart));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: " + DURATION_FORM);
    }
    if (amount < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    try {
      Duration duration;
      switch (unit) {
        case "ms":
          duration = Duration.ofMillis(amount);
          break;
        case "s":
          duration = Duration.ofSeconds(amount);
          break;
        case "m":
          duration = Duration.ofMinutes(amount);
          break;
        default:
          throw new IllegalArgumentException("unknown unit '" + unit + "': " + DURATION_FORM);
      }
      duration.toNanos();
      return duration;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("too large");
    }
  }

  /** {@link #parseDuration} that is also greater than zero. */
  static Duration parsePositiveDuration(String text) {
    Duration duration = parseDuration(text);
    if (duration.isZero()) {
      throw new IllegalArgumentException("must be greater than 0");
    }
    return duration;
  }

  /** {@code off}, {@code warn}, {@code info} or {@code debug}, any case. */
  static AgentLog.Level parseLevel(String text) {
    String value = text.trim();
    for (AgentLog.Level level : AgentLog.Level.values()) {
      if (level.name().equalsIgnoreCase(value)) {
        return level;
      }
    }
    throw new IllegalArgumentException("expected off, warn, info or debug");
  }

  /** An absolute {@code http} or {@code https} URL with a host. */
  static URI parseHttpUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("must start with http:// or https://");
    }
    if (uri.getHost() == null) {
      String authority = uri.getRawAuthority();
      throw new IllegalArgumentException(authority != null && authority.indexOf('_') >= 0
          ? "no valid host (a host name cannot contain '_')"
          : "no host");
    }
    return uri;
  }

  /** A comma list: items trimmed and lower-cased, empty items dropped, duplicates merged; at least one item. */
  static Set<String> parseList(String text) {
    Set<String> items = new LinkedHashSet<>();
    for (String item : text.split(",", -1)) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) {
        items.add(trimmed.toLowerCase(Locale.ROOT));
      }
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("empty list (write none for no exporter)");
    }
    return items;
  }

  /**
   * The exporters named by lower-case {@code names} from {@link #parseList}. {@code none} is a known name
   * that contributes nothing; whether it was combined with others is the caller's business.
   */
  static <E extends Enum<E>> EnumSet<E> toExporters(Set<String> names, Class<E> type) {
    EnumSet<E> exporters = EnumSet.noneOf(type);
    for (String name : names) {
      if (name.equals(NONE)) {
        continue;
      }
      E found = null;
      for (E candidate : type.getEnumConstants()) {
        if (candidate.name().equalsIgnoreCase(name)) {
          found = candidate;
        }
      }
      if (found == null) {
        StringBuilder expected = new StringBuilder();
        for (E candidate : type.getEnumConstants()) {
          expected.append(candidate.name().toLowerCase(Locale.ROOT)).append(", ");
        }
        throw new IllegalArgumentException("unknown exporter '" + name + "' (expected " + expected + NONE + ")");
      }
      exporters.add(found);
    }
    return exporters;
  }

  /**
   * A properties file as a map. The text is read as UTF-8 and, when it is not valid UTF-8, as ISO-8859-1,
   * the way {@code PropertyResourceBundle} reads resource bundles since Java 9.
   */
  static Map<String, String> readProperties(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    Map<String, String> map = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      map.put(name, properties.getProperty(name));
    }
    return map;
  }

  /**
   * {@code text} made safe to echo in a warning line: the user info of anything URL-like removed, control
   * characters replaced by {@code ?}, at most 200 characters, in double quotes.
   */
  static String echo(String text) {
    String value = withoutUserInfo(text);
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length() && i < 200; i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (value.length() > 200) {
      out.append("...");
    }
    return out.append('"').toString();
  }

  /** {@code scheme://user:password@host/path} becomes {@code scheme://host/path}; other text is unchanged. */
  static String withoutUserInfo(String text) {
    int authorityStart = text.indexOf("://");
    if (authorityStart < 0) {
      return text;
    }
    authorityStart += 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    int at = text.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return text;
    }
    return text.substring(0, authorityStart) + text.substring(at + 1);
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
