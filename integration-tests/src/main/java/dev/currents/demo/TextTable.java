package dev.currents.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table for a terminal: a header, a rule, rows; columns as wide as their widest cell, two
 * spaces apart, numbers right-aligned. When the whole is wider than allowed, the widest left-aligned columns
 * are shortened (to no less than 12 characters) and their long cells end in {@code ...}.
 */
public final class TextTable {
    private static final String GAP = "  ";
    private static final String ELLIPSIS = "...";
    private static final int MIN_SHRUNK_WIDTH = 12;

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    /** A column's heading and alignment. */
    public record Column(String heading, boolean rightAligned) {
        public static Column left(String heading) {
            return new Column(heading, false);
        }

        public static Column right(String heading) {
            return new Column(heading, true);
        }
    }

    public TextTable(Column... columns) {
        this(List.of(columns));
    }

    public TextTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table has at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** Adds a row; {@code cells.length} must equal the number of columns. Null cells are blank. */
    public TextTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : cell.toString()).toArray(String[]::new));
        return this;
    }

    /** Adds a rule across the table, e.g. above a total. */
    public TextTable rule() {
        rows.add(null);
        return this;
    }

    public boolean isEmpty() {
        return rows.stream().noneMatch(Objects::nonNull);
    }

    /** The table's lines, each at most {@code maxWidth} wide when shortening one column can achieve it. */
    public List<String> render(int maxWidth) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).heading().length();
            for (String[] row : rows) {
                if (row != null) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
        }
        shrink(widths, maxWidth);
        List<String> lines = new ArrayList<>();
        lines.add(line(columns.stream().map(Column::heading).toArray(String[]::new), widths));
        String[] rule = new String[widths.length];
        for (int c = 0; c < widths.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        lines.add(line(rule, widths));
        for (String[] row : rows) {
            lines.add(line(row == null ? rule : row, widths));
        }
        return lines;
    }

    /** Takes a character at a time from the widest left-aligned column that can still give one. */
    private void shrink(int[] widths, int maxWidth) {
        int excess = Arrays.stream(widths).sum() + GAP.length() * (widths.length - 1) - maxWidth;
        while (excess > 0) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                boolean canGive = !columns.get(c).rightAligned() && widths[c] > minimumWidth(c);
                if (canGive && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
            excess--;
        }
    }

    private int minimumWidth(int column) {
        return Math.max(MIN_SHRUNK_WIDTH, columns.get(column).heading().length());
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String cell = fit(cells[c], widths[c]);
            String padding = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                line.append(GAP);
            }
            line.append(columns.get(c).rightAligned() ? padding + cell : cell + padding);
        }
        return line.toString().stripTrailing();
    }

    private static String fit(String cell, int width) {
        return cell.length() <= width ? cell : cell.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }
}
