package dev.currents.simapi;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The requests that reached the simulator, oldest first. Bounded, because benchmarks push millions of
 * requests through one instance and only tests read the log.
 */
final class RequestLog {
    static final int CAPACITY = 100_000;

    private final ArrayDeque<ReceivedRequest> requests = new ArrayDeque<>();

    synchronized void add(ReceivedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<ReceivedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
