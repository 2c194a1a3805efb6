package dev.currents.agent.common;

/** The {@code status} tag value: one precomputed string per code, so tagging a response allocates nothing. */
public final class StatusTags {

  /** No response at all (timeout, network failure, cancellation). */
  public static final String NONE = "NONE";

  /**
   * A code outside 100-599: not HTTP, so not worth a label value of its own; one value keeps the label's
   * cardinality bounded whatever a broken server sends.
   */
  public static final String OTHER = "OTHER";

  private static final int FIRST = 100;
  private static final int LAST = 599;
  private static final String[] CODES = new String[LAST - FIRST + 1];

  static {
    for (int code = FIRST; code <= LAST; code++) {
      CODES[code - FIRST] = Integer.toString(code);
    }
  }

  private StatusTags() {}

  public static String of(int status) {
    if (status <= 0) {
      return NONE;
    }
    if (status < FIRST || status > LAST) {
      return OTHER;
    }
    return CODES[status - FIRST];
  }
}
