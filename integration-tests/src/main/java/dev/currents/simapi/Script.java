package dev.currents.simapi;

import java.time.Duration;

/** One scripted answer: which requests it takes, how often, after what delay, and what it does. */
final class Script {
    /** What a script does with a request it took; it may fall back to the normal behaviour. */
    @FunctionalInterface
    interface Action {
        Answer answer(Exchange exchange, CurrentsApiBehaviour normal);
    }

    static final int STICKY = -1;

    private final String method;
    private final String path;
    private final boolean prefix;
    private final Duration delay;
    private final Action action;
    private int remaining;

    /**
     * @param method null for any method
     * @param prefix whether {@code path} is a prefix of the paths taken, or the whole path
     * @param uses   how many requests it takes, or {@link #STICKY}
     */
    Script(String method, String path, boolean prefix, int uses, Duration delay, Action action) {
        this.method = method;
        this.path = path;
        this.prefix = prefix;
        this.remaining = uses;
        this.delay = delay;
        this.action = action;
    }

    boolean matches(Exchange exchange) {
        return (method == null || method.equalsIgnoreCase(exchange.method()))
                && (prefix ? exchange.path().startsWith(path) : exchange.path().equals(path));
    }

    /** Takes one use; false when none was left. Callers hold the lock of the script list. */
    boolean use() {
        if (remaining == STICKY) {
            return true;
        }
        if (remaining == 0) {
            return false;
        }
        remaining--;
        return true;
    }

    boolean isUsedUp() {
        return remaining == 0;
    }

    Duration delay() {
        return delay;
    }

    Answer answer(Exchange exchange, CurrentsApiBehaviour normal) {
        return action.answer(exchange, normal);
    }
}
