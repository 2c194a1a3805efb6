package dev.currents.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.demo.TextTable.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void padsLeftColumnsAndRightAlignsNumbers() {
        TextTable table = new TextTable(Column.left("client"), Column.left("category"), Column.right("count"))
                .row("java-http-client", "ok", 12)
                .row(null, "too_many_requests", 3)
                .rule()
                .row("all", "", 15);
        assertEquals(List.of(
                "client            category           count",
                "----------------  -----------------  -----",
                "java-http-client  ok                    12",
                "                  too_many_requests      3",
                "----------------  -----------------  -----",
                "all                                     15"), table.render(100));
    }

    @Test
    void shortensTheWidestLeftColumnToFit() {
        TextTable table = new TextTable(Column.left("a"), Column.left("request"), Column.right("n"))
                .row("x", "GET /v1/projects/{projectId}/pull-requests", 1);
        List<String> lines = table.render(30);
        lines.forEach(line -> assertTrue(line.length() <= 30, line));
        assertEquals("x  GET /v1/projects/{pro...  1", lines.get(2));
    }

    @Test
    void checksTheNumberOfCells() {
        TextTable table = new TextTable(Column.left("a"), Column.left("b"));
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
        assertTrue(table.isEmpty());
        assertTrue(table.rule().isEmpty());
    }

    @Test
    void wrapsTextAtSpaces() {
        assertEquals(List.of("one two", "three", "averyveryverylongword", "x"),
                Summary.wrap("one two three averyveryverylongword x", 8));
    }
}
