package dev.currents.agent.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough YAML to read an application's name from its {@code application.yml}: block mappings of plain or
 * quoted scalars, as Spring Boot, Quarkus and Micronaut configurations write them. Each scalar is kept under
 * its dotted path ({@code spring: application: name: x} is {@code spring.application.name}); sequences, block
 * and flow collections and multi-line scalars are skipped, never misread. Documents ({@code ---}) follow
 * Spring's rule for the unconditional ones: a later document's value wins; a document activated only for a
 * profile or a cloud platform is left out, since the agent cannot know which are active.
 *
 * <p>Not a YAML parser: the agent carries none, and must not load the application's. What it cannot read (a
 * tab in the indentation, an unterminated quote) is an {@link IllegalArgumentException} naming the line.
 */
final class YamlKeys {

  private static final String[] CONDITIONS = {
    "spring.config.activate.on-profile", "spring.config.activate.on-cloud-platform", "spring.profiles"
  };

  private YamlKeys() {}

  /** The scalars of the text's unconditional documents by dotted path, later documents overriding earlier. */
  static Map<String, String> read(String text) {
    Map<String, String> merged = new HashMap<>();
    Map<String, String> document = new HashMap<>();
    Deque<int[]> indents = new ArrayDeque<>();
    Deque<String> keys = new ArrayDeque<>();
    int skipDeeperThan = -1;
    String[] lines = text.split("\r?\n|\r", -1);
    for (int number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      if (line.startsWith("---") || line.startsWith("...")) {
        mergeUnconditional(document, merged);
        document = new HashMap<>();
        indents.clear();
        keys.clear();
        skipDeeperThan = -1;
        continue;
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      String content = withoutComment(line.substring(indent)).trim();
      if (content.isEmpty()) {
        continue;
      }
      if (line.charAt(indent) == '\t') {
        throw new IllegalArgumentException("line " + number + ": a tab in the indentation");
      }
      if (skipDeeperThan >= 0) {
        if (indent > skipDeeperThan) {
          continue;
        }
        skipDeeperThan = -1;
      }
      while (!indents.isEmpty() && indents.peek()[0] >= indent) {
        indents.pop();
        keys.pop();
      }
      if (content.startsWith("- ") || content.equals("-")) {
        // A sequence: nothing the agent looks for lives in one.
        skipDeeperThan = indent;
        continue;
      }
      int colon = keyEnd(content);
      if (colon < 0) {
        // A continuation of a multi-line scalar, or something this reader does not follow: leave it.
        continue;
      }
      String key = unquote(content.substring(0, colon).trim(), number);
      String value = content.substring(colon + 1).trim();
      String path = keys.isEmpty() ? key : String.join(".", reversed(keys)) + "." + key;
      if (value.isEmpty()) {
        indents.push(new int[] {indent});
        keys.push(key);
      } else if (value.startsWith("|") || value.startsWith(">") || value.startsWith("{") || value.startsWith("[")
          || value.startsWith("&") || value.startsWith("*") || value.startsWith("!")) {
        // Block scalars, flow collections, anchors, aliases and tags: not a plain name.
        skipDeeperThan = indent;
      } else {
        document.put(path, unquote(value, number));
      }
    }
    mergeUnconditional(document, merged);
    return merged;
  }

  private static void mergeUnconditional(Map<String, String> document, Map<String, String> merged) {
    for (String condition : CONDITIONS) {
      if (document.containsKey(condition)) {
        return;
      }
    }
    merged.putAll(document);
  }

  private static String[] reversed(Deque<String> keys) {
    String[] out = new String[keys.size()];
    int i = out.length;
    for (String key : keys) {
      out[--i] = key;
    }
    return out;
  }

  /** Where a mapping key ends (the colon followed by a space or the line's end, outside quotes), or -1. */
  private static int keyEnd(String content) {
    return outsideQuotes(content, ':');
  }

  /** The line without a {@code #} comment: one at the start, or after a space, outside quotes. */
  private static String withoutComment(String content) {
    int hash = outsideQuotes(content, '#');
    return hash < 0 ? content : content.substring(0, hash);
  }

  /**
   * The first {@code ':'} that ends a key (followed by a space or the end) or {@code '#'} that starts a comment
   * (at the start or after a space), outside a quoted scalar; -1 when there is none. A quote opens a scalar
   * only where one can start: at the beginning, or after a space or a colon ({@code it's} is no quote).
   */
  private static int outsideQuotes(String content, char target) {
    char quote = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if ((c == '"' || c == '\'') && (i == 0 || " :".indexOf(content.charAt(i - 1)) >= 0)) {
        quote = c;
      } else if (c == target && target == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
        return i;
      } else if (c == target && target == '#' && (i == 0 || content.charAt(i - 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String scalar, int number) {
    if (scalar.isEmpty()) {
      return scalar;
    }
    char first = scalar.charAt(0);
    if (first != '"' && first != '\'') {
      return scalar;
    }
    if (scalar.length() < 2 || scalar.charAt(scalar.length() - 1) != first) {
      throw new IllegalArgumentException("line " + number + ": an unterminated quoted value");
    }
    String inner = scalar.substring(1, scalar.length() - 1);
    if (first == '\'') {
      return inner.replace("''", "'");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        char next = inner.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
