package dev.currents.agent.common.backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpDateTest {

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  private static final DateTimeFormatter RFC_850 =
      DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  private static long parse(String date, long now) {
    return HttpDate.parseEpochMillis(date, 0, date.length(), now);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  /** RFC 9110: a two-digit year more than 50 years ahead is the most recent past year with those digits. */
  @ParameterizedTest(name = "now {0}: {1} -> {2}")
  @CsvSource({
    "2025-06-01T00:00:00Z, 'Sunday, 06-Nov-94 08:49:37 GMT', 1994-11-06T08:49:37Z",
    "2025-06-01T00:00:00Z, 'Thursday, 01-Jan-26 00:00:00 GMT', 2026-01-01T00:00:00Z",
    "2025-06-01T00:00:00Z, 'Wednesday, 01-Jan-25 00:00:00 GMT', 2025-01-01T00:00:00Z",
    // 2075-05-31 is less than 50 years ahead of 2025-06-01: still the future.
    "2025-06-01T00:00:00Z, 'Friday, 31-May-75 00:00:00 GMT', 2075-05-31T00:00:00Z",
    "2025-06-01T00:00:00Z, 'Saturday, 01-Jun-75 00:00:00 GMT', 2075-06-01T00:00:00Z",
    // One second past the 50 years: the past century.
    "2025-06-01T00:00:00Z, 'Sunday, 01-Jun-75 00:00:01 GMT', 1975-06-01T00:00:01Z",
    "2025-06-01T00:00:00Z, 'Friday, 31-Dec-99 23:59:59 GMT', 1999-12-31T23:59:59Z",
    "2025-06-01T00:00:00Z, 'Saturday, 01-Jan-00 00:00:00 GMT', 2000-01-01T00:00:00Z",
    "1999-12-31T00:00:00Z, 'Monday, 01-Jan-01 00:00:00 GMT', 2001-01-01T00:00:00Z",
    "1999-12-31T00:00:00Z, 'Friday, 01-Jan-99 00:00:00 GMT', 1999-01-01T00:00:00Z",
    // Near a century's end, the next century's early years are the near future, not the distant past.
    "2099-06-01T00:00:00Z, 'Monday, 01-Jan-01 00:00:00 GMT', 2101-01-01T00:00:00Z",
    "2099-06-01T00:00:00Z, 'Monday, 01-Jan-49 00:00:00 GMT', 2149-01-01T00:00:00Z",
    "2099-06-01T00:00:00Z, 'Monday, 01-Jan-50 00:00:00 GMT', 2050-01-01T00:00:00Z",
  })
  void twoDigitYears(String now, String date, String expected) {
    assertEquals(millis(expected), parse(date, millis(now)));
  }

  @Test
  void aLeapDayThatIsNotOneInTheChosenCenturyIsInvalid() {
    // 29-Feb-00: 2000 was a leap year, 2100 is not.
    long now = millis("2025-06-01T00:00:00Z");
    assertEquals(millis("2000-02-29T00:00:00Z"), parse("Tuesday, 29-Feb-00 00:00:00 GMT", now));
  }

  @Test
  void everyFormReadsWhatJavaTimeWrites() {
    Random random = new Random(20250601);
    long now = millis("2025-06-01T00:00:00Z");
    long fortyNineYears = 49L * 365 * 86_400;
    for (int i = 0; i < 5_000; i++) {
      long seconds = now / 1000 - fortyNineYears + (long) (random.nextDouble() * 2 * fortyNineYears);
      ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
      long expected = seconds * 1000;
      assertEquals(expected, parse(IMF_FIXDATE.format(t), now), IMF_FIXDATE.format(t));
      assertEquals(expected, parse(RFC_850.format(t), now), RFC_850.format(t));
      assertEquals(expected, parse(ASCTIME.format(t), now), ASCTIME.format(t));
      String rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.format(t);
      assertEquals(expected, parse(rfc1123, now), rfc1123);
    }
  }

  @Test
  void parsesOnlyTheGivenRange() {
    String text = "xx Sun, 06 Nov 1994 08:49:37 GMT yy";
    assertEquals(millis("1994-11-06T08:49:37Z"), HttpDate.parseEpochMillis(text, 3, text.length() - 3, 0));
    assertEquals(HttpDate.INVALID, HttpDate.parseEpochMillis(text, 3, text.length() - 2, 0));
  }
}
