package dev.currents.simapi;

import java.util.List;

/**
 * The two Currents services the simulator plays on one port. They differ in how they authenticate and
 * in the shape of their error bodies, which is what clients and the agent see.
 */
enum Service {
    /** {@code api.currents.dev/v1}: bearer API key, {@code {"status":"FAILED","error":...}}. */
    REST {
        @Override
        String errorBody(int status, String message, String code) {
            return code == null
                    ? Json.write(Json.object("status", "FAILED", "error", message))
                    : Json.write(Json.object("status", "FAILED", "error", message, "code", code));
        }
    },
    /** {@code cy.currents.dev}: record key, {@code {"message":...,"errors":[...],"code":...}}. */
    RECORDING {
        @Override
        String errorBody(int status, String message, String code) {
            return Json.write(Json.object(
                    "message", message,
                    "errors", List.of(message),
                    "code", code == null ? "HTTP_" + status : code));
        }
    };

    abstract String errorBody(int status, String message, String code);

    Answer.Reply error(int status, String message) {
        return error(status, message, null);
    }

    Answer.Reply error(int status, String message, String code) {
        return Answer.Reply.json(status, errorBody(status, message, code));
    }

    /**
     * The service a path that matches no route belongs to, so even a 404 has the right body shape. Only
     * the recording service has paths outside {@code /v1}; its {@code /v1/runs} routes are known routes.
     */
    static Service guessFromPath(String path) {
        return path.startsWith("/runs") || path.startsWith("/instances") || path.startsWith("/cache")
                ? RECORDING : REST;
    }
}
