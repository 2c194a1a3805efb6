package dev.currents.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4) into samples: {@code name{label="value",...}
 * value [timestamp]}. Comments ({@code # HELP}, {@code # TYPE}) and blank lines are skipped; label values
 * are unescaped ({@code \\}, {@code \"}, {@code \n}).
 */
public final class PrometheusText {
    private PrometheusText() {
    }

    /** One line of the exposition: a metric name, its labels in the order given, and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        /** The label's value, or empty when the sample has no such label. */
        public String label(String labelName) {
            return labels.getOrDefault(labelName, "");
        }
    }

    /** @throws IllegalArgumentException naming the line, when a line is not a sample, a comment or blank */
    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(new LineReader(line).sample());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the scrape: " + e.getMessage()
                        + ": " + line, e);
            }
        }
        return samples;
    }

    /** Parses a sample value: a decimal or exponent number, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static final class LineReader {
        private final String line;
        private int pos;

        LineReader(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name();
            Map<String, String> labels = new LinkedHashMap<>();
            skipBlanks();
            if (peek() == '{') {
                pos++;
                labels(labels);
            }
            skipBlanks();
            int start = pos;
            while (pos < line.length() && !Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("no value");
            }
            double value = value(line.substring(start, pos));
            skipBlanks();
            if (pos < line.length()) {
                // An optional timestamp, integer milliseconds.
                Long.parseLong(line.substring(pos).strip());
            }
            return new Sample(name, labels, value);
        }

        private void labels(Map<String, String> labels) {
            while (true) {
                skipBlanks();
                if (peek() == '}') {
                    pos++;
                    return;
                }
                String labelName = name();
                skipBlanks();
                expect('=');
                skipBlanks();
                labels.put(labelName, quoted());
                skipBlanks();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected , or } at column " + (pos + 1));
                }
            }
        }

        private String name() {
            int start = pos;
            while (pos < line.length() && isNameChar(line.charAt(pos), pos == start)) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("expected a name at column " + (pos + 1));
            }
            return line.substring(start, pos);
        }

        private String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                if (pos >= line.length()) {
                    throw new IllegalArgumentException("unterminated label value");
                }
                char c = line.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && pos < line.length()) {
                    char escaped = line.charAt(pos++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c + " at column " + (pos + 1));
            }
            pos++;
        }

        private char peek() {
            return pos < line.length() ? line.charAt(pos) : '\0';
        }

        private void skipBlanks() {
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private static boolean isNameChar(char c, boolean first) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
                    || !first && c >= '0' && c <= '9';
        }
    }
}
