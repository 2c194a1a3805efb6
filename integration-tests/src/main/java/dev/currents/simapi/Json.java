package dev.currents.simapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the simulator's small response bodies. Hand-written so the simulated API needs no JSON
 * library that could clash with the versions the clients under test bring.
 */
final class Json {
    private Json() {
    }

    /** An insertion-ordered object from alternating keys and values, so bodies read like the real ones. */
    static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** Strings, numbers, booleans, null, maps with string keys and lists, nested freely. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            appendString(out, (String) value);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            appendObject(out, (Map<?, ?>) value);
        } else if (value instanceof List) {
            appendArray(out, (List<?>) value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> object) {
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            out.append(separator);
            appendString(out, (String) entry.getKey());
            out.append(':');
            append(out, entry.getValue());
            separator = ",";
        }
        out.append('}');
    }

    private static void appendArray(StringBuilder out, List<?> array) {
        out.append('[');
        String separator = "";
        for (Object element : array) {
            out.append(separator);
            append(out, element);
            separator = ",";
        }
        out.append(']');
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
