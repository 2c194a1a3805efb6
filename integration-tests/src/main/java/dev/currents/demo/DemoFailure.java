package dev.currents.demo;

import java.util.List;

/** Why the demo could not finish, in one line, and the workload's last words when it has any. */
final class DemoFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> details;

    DemoFailure(String message) {
        this(message, List.of());
    }

    DemoFailure(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    List<String> details() {
        return details;
    }
}
