package dev.currents.simapi;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the simulator does with one request. Plain values: the Jetty side turns them into bytes or a dead socket. */
sealed interface Answer {

    /** The status the client receives, or {@link ReceivedRequest#NO_RESPONSE}. */
    int status();

    /** An HTTP response. */
    record Reply(int status, Map<String, String> headers, String body) implements Answer {
        public Reply {
            headers = Map.copyOf(headers);
        }

        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"), body);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }
    }

    /** No response at all: what a client sees when a proxy crashes or a load balancer drops it. */
    enum Abort implements Answer {
        /** Abort the TCP connection with a RST. */
        RESET_CONNECTION,
        /** Close the connection cleanly (TLS close_notify, then FIN). */
        CLOSE_CONNECTION,
        /** HTTP/2: reset the request's stream (RST_STREAM), leaving the connection and its other streams. */
        RESET_STREAM,
        /** HTTP/2: end the connection with a GOAWAY, as a server going away does, then close it. */
        GO_AWAY;

        @Override
        public int status() {
            return ReceivedRequest.NO_RESPONSE;
        }
    }
}
