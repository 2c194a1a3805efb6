package dev.currents.agent.common.backoff;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Reads the three HTTP-date forms that RFC 9110 section 5.6.7 requires recipients to accept:
 *
 * <pre>
 *   Sun, 06 Nov 1994 08:49:37 GMT    IMF-fixdate
 *   Sunday, 06-Nov-94 08:49:37 GMT   obsolete RFC 850, two-digit year
 *   Sun Nov  6 08:49:37 1994         obsolete asctime
 * </pre>
 *
 * Hand-written over the caller's string, no regex and no formatter: a response with {@code Retry-After} pays
 * only a walk over ~30 characters. Lenient where leniency cannot mislead: names in any case, runs of spaces
 * for single spaces, one-digit days, a four-digit year in the RFC 850 form. The day name must be a day name,
 * but is not checked against the date: the date is what a client acts on. Java.time does the calendar
 * arithmetic only.
 */
final class HttpDate {

  /** Not a date. */
  static final long INVALID = Long.MIN_VALUE;

  /** RFC 9110: a two-digit year more than this far in the future is in the past century. */
  private static final int TWO_DIGIT_YEAR_HORIZON = 50;

  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] LONG_DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  };

  private final String text;
  private final int end;
  private int pos;

  private HttpDate(String text, int from, int to) {
    this.text = text;
    this.pos = from;
    this.end = to;
  }

  /** The date in {@code text[from, to)} as epoch milliseconds, or {@link #INVALID}; never throws. */
  static long parseEpochMillis(String text, int from, int to, long nowEpochMillis) {
    try {
      return new HttpDate(text, from, to).parse(nowEpochMillis);
    } catch (DateTimeException e) {
      // Only an absurd nowEpochMillis gets java.time out of range; the fields are range-checked first.
      return INVALID;
    }
  }

  private long parse(long nowEpochMillis) {
    if (!dayName()) {
      return INVALID;
    }
    if (accept(',')) {
      return spaces() ? imfFixdateOrRfc850(nowEpochMillis) : INVALID;
    }
    return spaces() ? asctime() : INVALID;
  }

  /** After "Sun, ": {@code 06 Nov 1994 08:49:37 GMT} or {@code 06-Nov-94 08:49:37 GMT}. */
  private long imfFixdateOrRfc850(long nowEpochMillis) {
    int day = digits(1, 2);
    if (day < 0) {
      return INVALID;
    }
    boolean rfc850 = accept('-');
    if (!rfc850 && !spaces()) {
      return INVALID;
    }
    int month = month();
    if (month < 0 || !(rfc850 ? accept('-') : spaces())) {
      return INVALID;
    }
    int yearStart = pos;
    int year = digits(rfc850 ? 2 : 4, 4);
    int yearDigits = pos - yearStart;
    if (year < 0 || yearDigits == 3 || !spaces()) {
      return INVALID;
    }
    int secondOfDay = timeOfDay();
    if (secondOfDay < 0 || !spaces() || !word("GMT") || pos != end) {
      return INVALID;
    }
    if (yearDigits == 2) {
      return twoDigitYear(year, month, day, secondOfDay, nowEpochMillis);
    }
    return epochMillis(year, month, day, secondOfDay);
  }

  /** After "Sun ": {@code Nov  6 08:49:37 1994}. */
  private long asctime() {
    int month = month();
    if (month < 0 || !spaces()) {
      return INVALID;
    }
    int day = digits(1, 2);
    if (day < 0 || !spaces()) {
      return INVALID;
    }
    int secondOfDay = timeOfDay();
    if (secondOfDay < 0 || !spaces()) {
      return INVALID;
    }
    int year = digits(4, 4);
    if (year < 0 || pos != end) {
      return INVALID;
    }
    return epochMillis(year, month, day, secondOfDay);
  }

  /**
   * RFC 9110: a two-digit year that appears more than 50 years in the future is the most recent past year with
   * those digits. Taken as: the latest year ending in those digits that is not more than 50 years ahead, which
   * also reads {@code 01} as 2101 when it is 2099.
   */
  private static long twoDigitYear(int twoDigits, int month, int day, int secondOfDay, long nowEpochMillis) {
    LocalDateTime now =
        LocalDateTime.ofEpochSecond(Math.floorDiv(nowEpochMillis, 1000L), 0, ZoneOffset.UTC);
    long horizon =
        TimeUnit.SECONDS.toMillis(now.plusYears(TWO_DIGIT_YEAR_HORIZON).toEpochSecond(ZoneOffset.UTC));
    int candidate = now.getYear() / 100 * 100 + twoDigits + 100;
    for (int i = 0; i < 3; i++, candidate -= 100) {
      long millis = epochMillis(candidate, month, day, secondOfDay);
      if (millis != INVALID && millis <= horizon) {
        return millis;
      }
    }
    return INVALID;
  }

  /** {@link #INVALID} for a day that does not exist (31 Nov, 29 Feb of a common year); second 60 runs on. */
  private static long epochMillis(int year, int month, int day, int secondOfDay) {
    if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
      return INVALID;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return TimeUnit.SECONDS.toMillis(TimeUnit.DAYS.toSeconds(epochDay) + secondOfDay);
  }

  /** {@code HH:MM:SS} as seconds of the day, or -1. */
  private int timeOfDay() {
    int hour = digits(2, 2);
    if (hour < 0 || hour > 23 || !accept(':')) {
      return -1;
    }
    int minute = digits(2, 2);
    if (minute < 0 || minute > 59 || !accept(':')) {
      return -1;
    }
    int second = digits(2, 2);
    if (second < 0 || second > 60) {
      return -1;
    }
    return (hour * 60 + minute) * 60 + second;
  }

  private boolean dayName() {
    int start = pos;
    while (pos < end && isAsciiLetter(text.charAt(pos))) {
      pos++;
    }
    return indexOf(DAYS, start, pos) >= 0 || indexOf(LONG_DAYS, start, pos) >= 0;
  }

  /** The month 1-12, or -1. */
  private int month() {
    int start = pos;
    while (pos < end && isAsciiLetter(text.charAt(pos))) {
      pos++;
    }
    int index = indexOf(MONTHS, start, pos);
    return index < 0 ? -1 : index + 1;
  }

  private int indexOf(String[] names, int start, int stop) {
    int length = stop - start;
    for (int i = 0; i < names.length; i++) {
      if (names[i].length() == length && text.regionMatches(true, start, names[i], 0, length)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code min} to {@code max} digits, not followed by another digit, as a number; or -1. */
  private int digits(int min, int max) {
    int start = pos;
    int value = 0;
    while (pos < end && pos - start < max && isDigit(text.charAt(pos))) {
      value = value * 10 + (text.charAt(pos++) - '0');
    }
    int count = pos - start;
    boolean moreDigits = pos < end && isDigit(text.charAt(pos));
    return count < min || moreDigits ? -1 : value;
  }

  private boolean word(String expected) {
    int length = expected.length();
    if (end - pos >= length && text.regionMatches(true, pos, expected, 0, length)) {
      pos += length;
      return true;
    }
    return false;
  }

  private boolean accept(char c) {
    if (pos < end && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** One space or more. */
  private boolean spaces() {
    int start = pos;
    while (pos < end && text.charAt(pos) == ' ') {
      pos++;
    }
    return pos > start;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
