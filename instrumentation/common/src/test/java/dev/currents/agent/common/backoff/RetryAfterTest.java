package dev.currents.agent.common.backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.common.backoff.RetryAfter.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  /** Sunday 1 June 2025, midnight UTC. */
  private static final long NOW = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();

  private static RetryAfter parse(String value) {
    return RetryAfter.parse(value, NOW);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1} ms")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0",
        "5|5000",
        "120|120000",
        "007|7000",
        "'  7 '|7000",
        "'\t30\t'|30000",
        "86400|86400000",
        "000000000000000000000000000042|42000",
      })
  void deltaSeconds(String value, long millis) {
    RetryAfter parsed = parse(value);
    assertEquals(Kind.DELTA_SECONDS, parsed.kind());
    assertTrue(parsed.isPresent());
    assertEquals(millis, parsed.delayMillis());
    assertEquals(millis / 1000.0, parsed.delaySeconds());
  }

  @Test
  void absentIsNotZero() {
    RetryAfter absent = parse(null);
    assertSame(RetryAfter.ABSENT, absent);
    assertFalse(absent.isPresent());
    assertThrows(IllegalStateException.class, absent::delayMillis);
    assertThrows(IllegalStateException.class, absent::delaySeconds);
    assertTrue(parse("0").isPresent());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "   ",
        "\t",
        "-1",
        "-0",
        "+5",
        "1.5",
        "0.0",
        "5s",
        "5 5",
        "0x10",
        "1e3",
        "five",
        "５",
        "86401",
        "9223372036854775807",
        "99999999999999999999999999999",
        "5, 7",
        "5,7",
        "0, 1",
        ",",
        " , ",
        // dates gone wrong
        "Sun, 01 Jun 2025",
        "Sun, 01 Jun 2025 00:00:30",
        "Sun, 01 Jun 2025 00:00:30 UTC",
        "Sun, 01 Jun 2025 00:00:30 PST",
        "Sun, 01 Jun 2025 00:00:30 GMT x",
        "Sun, 01 Jun 2025 00:00:30 GMTX",
        "Sun 01 Jun 2025 00:00:30 GMT",
        "Sun,01 Jun 2025 00:00:30 GMT",
        "Xyz, 01 Jun 2025 00:00:30 GMT",
        "Sund, 01 Jun 2025 00:00:30 GMT",
        "Sun, 01 Juni 2025 00:00:30 GMT",
        "Sun, 01 Foo 2025 00:00:30 GMT",
        "Sun, 31 Jun 2025 00:00:30 GMT",
        "Sun, 00 Jun 2025 00:00:30 GMT",
        "Sun, 001 Jun 2025 00:00:30 GMT",
        "Sun, 29 Feb 2025 00:00:30 GMT",
        "Sun, 01 Jun 25 00:00:30 GMT",
        "Sun, 01 Jun 20255 00:00:30 GMT",
        "Sun, 01 Jun 2025 24:00:30 GMT",
        "Sun, 01 Jun 2025 00:60:30 GMT",
        "Sun, 01 Jun 2025 00:00:61 GMT",
        "Sun, 01 Jun 2025 0:00:30 GMT",
        "Sun, 01 Jun 2025 00:00 GMT",
        "Sun, 01 Jun 2025 00-00-30 GMT",
        "Sunday, 01-Jun-025 00:00:30 GMT",
        "Sunday, 01-Jun 25 00:00:30 GMT",
        "Sunday, 01-Jun-25 00:00:30",
        "Sun Jun  1 00:00:30",
        "Sun Jun  1 00:00:30 25",
        "Sun Jun  1 00:00:30 2025 GMT",
        "Sun Jun 1st 00:00:30 2025",
        "2025-06-01T00:00:30Z",
        "Sun, 01 Jun 2025 00:00:30 GMT, Sun, 01 Jun 2025 00:00:31 GMT",
        "30, Sun, 01 Jun 2025 00:00:30 GMT",
        "Sun, 02 Jun 2025 00:00:01 GMT",
      })
  void malformed(String value) {
    assertSame(RetryAfter.MALFORMED, parse(value));
    assertThrows(IllegalStateException.class, () -> parse(value).delayMillis());
  }

  @ParameterizedTest(name = "\"{0}\" -> {1} ms")
  @CsvSource(
      delimiter = '|',
      value = {
        "5, 5|5000",
        "5,5|5000",
        "'5 , 5'|5000",
        "5, 5, 5|5000",
        "5,|5000",
        "', 5'|5000",
        "5, , 5|5000",
      })
  void equalDuplicatesOfARepeatedHeaderAreOneValue(String value, long millis) {
    RetryAfter parsed = parse(value);
    assertEquals(Kind.DELTA_SECONDS, parsed.kind());
    assertEquals(millis, parsed.delayMillis());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "Sun, 01 Jun 2025 00:00:30 GMT",
        "Sunday, 01-Jun-25 00:00:30 GMT",
        "Sun Jun  1 00:00:30 2025",
        // tolerated
        "Sun Jun 1 00:00:30 2025",
        "Sun Jun 01 00:00:30 2025",
        "sun, 01 jun 2025 00:00:30 gmt",
        "SUN, 01 JUN 2025 00:00:30 GMT",
        "Sun, 1 Jun 2025 00:00:30 GMT",
        "Sun,  01  Jun  2025  00:00:30  GMT",
        "  Sun, 01 Jun 2025 00:00:30 GMT\t",
        "Sunday, 01-Jun-2025 00:00:30 GMT",
        "Sun, 01-Jun-25 00:00:30 GMT",
        "Sunday, 01 Jun 2025 00:00:30 GMT",
        "Sun, 01 Jun 2025 00:00:30 GMT, Sun, 01 Jun 2025 00:00:30 GMT",
        "Sunday, 01-Jun-25 00:00:30 GMT,Sun Jun  1 00:00:30 2025",
      })
  void httpDateThirtySecondsAhead(String value) {
    RetryAfter parsed = parse(value);
    assertEquals(Kind.HTTP_DATE, parsed.kind());
    assertEquals(30_000, parsed.delayMillis());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"})
  void everyDayNameIsADayName(String day) {
    // The day name is checked to be one, not to match the date: the date is what a client acts on.
    assertEquals(30_000, parse(day + ", 01 Jun 2025 00:00:30 GMT").delayMillis());
    assertEquals(30_000, parse(day + " Jun  1 00:00:30 2025").delayMillis());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
  void everyLongDayNameIsADayName(String day) {
    assertEquals(30_000, parse(day + ", 01-Jun-25 00:00:30 GMT").delayMillis());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Jan, 1", "Feb, 2", "Mar, 3", "Apr, 4", "May, 5", "Jun, 6", "Jul, 7", "Aug, 8", "Sep, 9", "Oct, 10",
    "Nov, 11", "Dec, 12",
  })
  void everyMonth(String name, int month) {
    long expected = Instant.parse(String.format("2025-%02d-15T12:00:00Z", month)).toEpochMilli();
    long now = expected - 3_000;
    RetryAfter parsed = RetryAfter.parse("Fri, 15 " + name + " 2025 12:00:00 GMT", now);
    assertEquals(3_000, parsed.delayMillis());
  }

  @Test
  void singleDigitAsctimeDay() {
    long now = Instant.parse("1994-11-06T08:49:00Z").toEpochMilli();
    assertEquals(37_000, RetryAfter.parse("Sun Nov  6 08:49:37 1994", now).delayMillis());
  }

  @Test
  void rfcExamplesAreOneInstant() {
    long now = Instant.parse("1994-11-06T08:49:30Z").toEpochMilli();
    for (String example :
        new String[] {
          "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
        }) {
      assertEquals(7_000, RetryAfter.parse(example, now).delayMillis(), example);
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "Sat, 31 May 2025 23:59:59 GMT",
        "Sun, 01 Jun 2025 00:00:00 GMT",
      })
  void aDateInThePastOrNowMeansNow(String value) {
    RetryAfter parsed = parse(value);
    assertEquals(Kind.HTTP_DATE, parsed.kind());
    assertEquals(0, parsed.delayMillis());
  }

  @Test
  void dateDelaysAreCappedAtADayLikeDeltaSeconds() {
    assertEquals(86_400_000, parse("Mon, 02 Jun 2025 00:00:00 GMT").delayMillis());
    assertSame(RetryAfter.MALFORMED, parse("Mon, 02 Jun 2025 00:00:01 GMT"));
    assertSame(RetryAfter.MALFORMED, parse("Fri, 31 Dec 9999 23:59:59 GMT"));
  }

  @Test
  void leapSecondAndLeapDay() {
    long now = Instant.parse("2016-12-31T23:59:00Z").toEpochMilli();
    assertEquals(60_000, RetryAfter.parse("Sat, 31 Dec 2016 23:59:60 GMT", now).delayMillis());
    long leapDay = Instant.parse("2024-02-29T00:00:00Z").toEpochMilli();
    assertEquals(1_000, RetryAfter.parse("Thu, 29 Feb 2024 00:00:01 GMT", leapDay).delayMillis());
  }

  @Test
  void deltaAndDateCopiesThatAgreeStillDifferInKind() {
    assertSame(RetryAfter.MALFORMED, parse("30, Sun, 01 Jun 2025 00:00:30 GMT"));
  }

  @Test
  void factories() {
    assertEquals(RetryAfter.parse("42", NOW), RetryAfter.ofSeconds(42));
    assertEquals(RetryAfter.parse("3600", NOW), RetryAfter.ofSeconds(3600));
    assertSame(RetryAfter.MALFORMED, RetryAfter.ofSeconds(-1));
    assertSame(RetryAfter.MALFORMED, RetryAfter.ofSeconds(86_401));
    assertEquals(0, RetryAfter.ofHttpDateDelay(-5).delayMillis());
    assertEquals(Kind.HTTP_DATE, RetryAfter.ofHttpDateDelay(5).kind());
    assertSame(RetryAfter.MALFORMED, RetryAfter.ofHttpDateDelay(86_400_001));
  }

  @Test
  void absurdClockNeverThrowsNorGivesNonsense() {
    String[] values = {
      "Sunday, 01-Jun-25 00:00:30 GMT", "Sun, 01 Jun 2025 00:00:30 GMT", "Sun Jun  1 00:00:30 2025", "5",
    };
    for (long now : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 1000, -1}) {
      for (String value : values) {
        RetryAfter parsed = RetryAfter.parse(value, now);
        if (parsed.isPresent()) {
          assertTrue(parsed.delayMillis() >= 0 && parsed.delayMillis() <= 86_400_000, value + " at " + now);
        }
      }
    }
  }
}
