package dev.currents.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The error categories of SPEC section 3, in the spec's order, and the demo's own reading of what the
 * application saw, to hold the agent's tags against.
 */
public final class Categories {
    /** Every category, in the order of SPEC section 3. */
    public static final List<String> ALL = List.of(
            "ok", "redirect", "bad_request", "unauthorized", "request_failed", "forbidden", "not_found",
            "conflict", "too_many_requests", "client_error", "server_error", "timeout", "network_error",
            "cancelled");

    /** Spec order; a category the spec does not know sorts last, by name. */
    public static final Comparator<String> SPEC_ORDER = Comparator
            .comparingInt((String category) -> ALL.contains(category) ? ALL.indexOf(category) : ALL.size())
            .thenComparing(Comparator.naturalOrder());

    private static final Set<String> CANCELLATIONS = Set.of(
            "java.util.concurrent.CancellationException",
            "java.lang.InterruptedException",
            "java.io.InterruptedIOException",
            "java.nio.channels.ClosedByInterruptException");

    private Categories() {
    }

    /** The category of a response status, per SPEC section 3. */
    public static String ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return "ok";
        }
        if (status >= 300 && status < 400) {
            return "redirect";
        }
        if (status >= 500) {
            return "server_error";
        }
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 402 -> "request_failed";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 429 -> "too_many_requests";
            default -> "client_error";
        };
    }

    /**
     * The category of a call that ended in an exception, from the class names of the exception and its
     * causes, outermost first: a timeout or a cancellation anywhere in the chain, else a network error.
     */
    public static String ofFailure(List<String> exceptionChain) {
        for (String className : exceptionChain) {
            String simpleName = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
            if (simpleName.contains("Timeout")) {
                return "timeout";
            }
            if (CANCELLATIONS.contains(className)) {
                return "cancelled";
            }
        }
        return "network_error";
    }
}
