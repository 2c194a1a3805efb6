package dev.currents.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the application saw of one call: a status, or an exception (its class and causes' classes). The
 * workload prints one line per call, {@code CALL 7 12 STATUS 404} or
 * {@code CALL 9 3 ERROR java.net.ConnectException,java.net.ConnectException Connection refused} (index,
 * milliseconds, outcome), and the launcher parses it back.
 *
 * @param index          the call's position in {@link Plan#steps()}
 * @param millis         how long the call took, as the application measured it
 * @param status         the response status, or {@link #NO_RESPONSE}
 * @param exceptionChain the exception's class name and its causes', outermost first; empty with a status
 * @param message        the exception's message on one line, or empty
 */
public record Observation(int index, long millis, int status, List<String> exceptionChain, String message) {
    public static final int NO_RESPONSE = -1;
    static final String PREFIX = "CALL ";
    private static final int MAX_CAUSES = 8;

    public Observation {
        exceptionChain = List.copyOf(exceptionChain);
        message = message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    static Observation status(int status) {
        return new Observation(-1, 0, status, List.of(), "");
    }

    static Observation failure(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t.getClass().getName());
        }
        return new Observation(-1, 0, NO_RESPONSE, chain, failure.getMessage());
    }

    Observation at(int newIndex, long newMillis) {
        return new Observation(newIndex, newMillis, status, exceptionChain, message);
    }

    /** The error category of SPEC section 3 that fits what the application saw. */
    public String category() {
        return status == NO_RESPONSE ? Categories.ofFailure(exceptionChain) : Categories.ofStatus(status);
    }

    /** The status, or the exception's simple class name. */
    public String shortResult() {
        if (status != NO_RESPONSE) {
            return Integer.toString(status);
        }
        String className = exceptionChain.isEmpty() ? "?" : exceptionChain.get(0);
        return className.substring(className.lastIndexOf('.') + 1);
    }

    String toLine() {
        if (status != NO_RESPONSE) {
            return PREFIX + index + " " + millis + " STATUS " + status;
        }
        return (PREFIX + index + " " + millis + " ERROR " + String.join(",", exceptionChain) + " " + message).trim();
    }

    /** The observation on a line of the workload's output, if it is one. */
    static Optional<Observation> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] words = line.substring(PREFIX.length()).split(" ", 5);
        try {
            int index = Integer.parseInt(words[0]);
            long millis = words.length > 1 ? Long.parseLong(words[1]) : 0;
            if (words.length >= 4 && words[2].equals("STATUS")) {
                return Optional.of(new Observation(index, millis, Integer.parseInt(words[3]), List.of(), ""));
            }
            if (words.length >= 4 && words[2].equals("ERROR")) {
                return Optional.of(new Observation(index, millis, NO_RESPONSE, Arrays.asList(words[3].split(",")),
                        words.length > 4 ? words[4] : ""));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
