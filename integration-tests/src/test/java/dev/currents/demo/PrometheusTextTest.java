package dev.currents.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.demo.PrometheusText.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void readsTheAgentsRequestCount() {
        List<Sample> samples = PrometheusText.parse("currents_api_requests_seconds_count{client=\"http-url-connection\","
                + "endpoint=\"/v1/instances/{instanceId}\",error_category=\"timeout\",method=\"GET\",outcome=\"UNKNOWN\","
                + "resend=\"false\",server_address=\"127.0.0.1\",service_name=\"unknown_service:java\",status=\"NONE\"} 1\n");
        assertEquals(1, samples.size());
        Sample sample = samples.get(0);
        assertEquals("currents_api_requests_seconds_count", sample.name());
        assertEquals("/v1/instances/{instanceId}", sample.label("endpoint"));
        assertEquals("timeout", sample.label("error_category"));
        assertEquals("NONE", sample.label("status"));
        assertEquals("", sample.label("no_such_label"));
        assertEquals(1.0, sample.value());
    }

    @Test
    void skipsCommentsAndBlankLines() {
        List<Sample> samples = PrometheusText.parse("# HELP x Some help\n# TYPE x counter\n\nx_total 3.0\n\n");
        assertEquals(List.of(new Sample("x_total", Map.of(), 3.0)), samples);
    }

    @Test
    void unescapesLabelValues() {
        Sample sample = PrometheusText.parse("x{a=\"q\\\"b\\\\c\\nd\",b=\"}, \"} 1").get(0);
        assertEquals("q\"b\\c\nd", sample.label("a"));
        assertEquals("}, ", sample.label("b"));
    }

    @Test
    void readsSpecialValuesExponentsTimestampsAndTrailingCommas() {
        List<Sample> samples = PrometheusText.parse(
                "a NaN\nb{le=\"+Inf\",} +Inf 1700000000000\nc -Inf\nd 4.23641E-4\r\ne { x = \"1\" } 2\n");
        assertTrue(Double.isNaN(samples.get(0).value()));
        assertEquals(Double.POSITIVE_INFINITY, samples.get(1).value());
        assertEquals("+Inf", samples.get(1).label("le"));
        assertEquals(Double.NEGATIVE_INFINITY, samples.get(2).value());
        assertEquals(4.23641E-4, samples.get(3).value());
        assertEquals("1", samples.get(4).label("x"));
    }

    @Test
    void namesTheLineItCannotRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrometheusText.parse("ok 1\nbroken{a=\"1\" 2\n"));
        assertTrue(e.getMessage().startsWith("line 2 of the scrape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("novalue\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("x{a=\"unterminated} 1\n"));
    }

    @Test
    void scrapeSumsASeriesName() {
        Scrape scrape = Scrape.parse(Fixtures.smallScrape());
        assertEquals(8.0, scrape.sum(RequestCounts.COUNT_SERIES));
        assertEquals(0.0, scrape.sum("absent_total"));
        assertEquals(6, scrape.named(RequestCounts.COUNT_SERIES).size());
    }
}
