package dev.currents.agent.common.backoff;

import java.util.concurrent.TimeUnit;

/**
 * A {@code Retry-After} header value (RFC 9110 section 10.2.3): delta-seconds or an HTTP-date, reduced to the
 * delay it asks for. {@link #parse} never throws: a missing header is {@link #ABSENT}, anything it cannot read
 * with confidence is {@link #MALFORMED}, and neither has a delay, so neither can pass for "retry now".
 *
 * <p>Accepted, beyond the strict grammar: spaces and tabs around the value, and a value repeated by a header
 * that was sent twice and comma-joined on the way ({@code 5, 5}) when every copy means the same delay;
 * copies that disagree ({@code 5, 7}) are malformed, since there is no knowing which one the client read.
 * Rejected: negative or fractional seconds, signs, and any delay over {@link #MAX_DELAY_SECONDS}.
 */
public final class RetryAfter {

  /** What the header held. */
  public enum Kind {
    /** No header. */
    ABSENT,
    /** A header that is not a delay we believe. */
    MALFORMED,
    /** Whole seconds: the server's delay, exact. */
    DELTA_SECONDS,
    /** An HTTP-date: one-second granularity, and read against the client's clock. */
    HTTP_DATE
  }

  /**
   * The longest delay believed: one day. A longer one is not a rate limit but a bug, most often an epoch
   * timestamp sent as delta-seconds ({@code Retry-After: 1717171717}); believing it would call every retry in
   * the window {@code retry_after_ignored} and put decades into the {@code retry_after} timer. A daily quota
   * resets within a day, so real values fit.
   */
  public static final long MAX_DELAY_SECONDS = TimeUnit.DAYS.toSeconds(1);

  public static final RetryAfter ABSENT = new RetryAfter(Kind.ABSENT, 0);
  public static final RetryAfter MALFORMED = new RetryAfter(Kind.MALFORMED, 0);

  /** The usual values are small whole seconds: parsing them allocates nothing. */
  private static final RetryAfter[] SMALL_DELTAS = new RetryAfter[301];

  static {
    for (int seconds = 0; seconds < SMALL_DELTAS.length; seconds++) {
      SMALL_DELTAS[seconds] = new RetryAfter(Kind.DELTA_SECONDS, TimeUnit.SECONDS.toMillis(seconds));
    }
  }

  private final Kind kind;
  private final long delayMillis;

  private RetryAfter(Kind kind, long delayMillis) {
    this.kind = kind;
    this.delayMillis = delayMillis;
  }

  /**
   * Parses a header value. {@code nowEpochMillis} is the wall clock when the response arrived: an HTTP-date is
   * turned into a delay against it (a date in the past is a delay of 0), and it decides the century of an
   * RFC 850 two-digit year.
   */
  public static RetryAfter parse(String headerValue, long nowEpochMillis) {
    if (headerValue == null) {
      return ABSENT;
    }
    RetryAfter result = null;
    int length = headerValue.length();
    for (int from = 0; from <= length; ) {
      int end = elementEnd(headerValue, from);
      RetryAfter element = parseElement(headerValue, from, end, nowEpochMillis);
      if (element == MALFORMED || (result != null && element != null && !result.equals(element))) {
        return MALFORMED;
      }
      if (result == null) {
        result = element;
      }
      from = end + 1;
    }
    return result == null ? MALFORMED : result;
  }

  /** A delta-seconds value; negative or beyond {@link #MAX_DELAY_SECONDS} is {@link #MALFORMED}. */
  public static RetryAfter ofSeconds(long seconds) {
    if (seconds < 0 || seconds > MAX_DELAY_SECONDS) {
      return MALFORMED;
    }
    if (seconds < SMALL_DELTAS.length) {
      return SMALL_DELTAS[(int) seconds];
    }
    return new RetryAfter(Kind.DELTA_SECONDS, TimeUnit.SECONDS.toMillis(seconds));
  }

  /** An HTTP-date value that was {@code delayMillis} ahead; negative is 0, beyond the maximum is malformed. */
  public static RetryAfter ofHttpDateDelay(long delayMillis) {
    if (delayMillis > TimeUnit.SECONDS.toMillis(MAX_DELAY_SECONDS)) {
      return MALFORMED;
    }
    return new RetryAfter(Kind.HTTP_DATE, Math.max(delayMillis, 0));
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the header held a delay: {@link Kind#DELTA_SECONDS} or {@link Kind#HTTP_DATE}. */
  public boolean isPresent() {
    return kind == Kind.DELTA_SECONDS || kind == Kind.HTTP_DATE;
  }

  /** The delay asked for, never negative. Only for a present value: there is no delay to confuse with 0. */
  public long delayMillis() {
    requirePresent();
    return delayMillis;
  }

  /** The delay in seconds, for the span attribute {@code currents.retry_after}. Only for a present value. */
  public double delaySeconds() {
    requirePresent();
    return delayMillis / 1000.0;
  }

  private void requirePresent() {
    if (!isPresent()) {
      throw new IllegalStateException("Retry-After " + kind + " has no delay; check isPresent() first");
    }
  }

  /**
   * Where the element that starts at {@code from} ends: at the next comma, except that the comma after the day
   * name of an IMF-fixdate or RFC 850 date ({@code Sun,} / {@code Sunday,}) belongs to the date.
   */
  private static int elementEnd(String s, int from) {
    int length = s.length();
    int start = skipWhitespace(s, from, length);
    int afterLetters = start;
    while (afterLetters < length && isAsciiLetter(s.charAt(afterLetters))) {
      afterLetters++;
    }
    boolean dayNameComma = afterLetters > start && afterLetters < length && s.charAt(afterLetters) == ',';
    int comma = s.indexOf(',', dayNameComma ? afterLetters + 1 : start);
    return comma < 0 ? length : comma;
  }

  /** One comma-separated element: null when empty (list syntax allows those), else a value or MALFORMED. */
  private static RetryAfter parseElement(String s, int from, int to, long nowEpochMillis) {
    int start = skipWhitespace(s, from, to);
    int end = to;
    while (end > start && isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return null;
    }
    if (isDigit(s.charAt(start))) {
      return parseDeltaSeconds(s, start, end);
    }
    long dateMillis = HttpDate.parseEpochMillis(s, start, end, nowEpochMillis);
    if (dateMillis == HttpDate.INVALID) {
      return MALFORMED;
    }
    return ofHttpDateDelay(dateMillis - nowEpochMillis);
  }

  private static RetryAfter parseDeltaSeconds(String s, int start, int end) {
    long seconds = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return MALFORMED;
      }
      // Stop growing past the maximum, so that no number of digits can overflow.
      seconds = Math.min(seconds * 10 + (c - '0'), MAX_DELAY_SECONDS + 1);
    }
    return ofSeconds(seconds);
  }

  private static int skipWhitespace(String s, int from, int to) {
    int i = from;
    while (i < to && isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** HTTP's optional whitespace: space and horizontal tab. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RetryAfter)) {
      return false;
    }
    RetryAfter other = (RetryAfter) o;
    return kind == other.kind && delayMillis == other.delayMillis;
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Long.hashCode(delayMillis);
  }

  @Override
  public String toString() {
    return isPresent() ? kind + " " + delayMillis + "ms" : kind.toString();
  }
}
