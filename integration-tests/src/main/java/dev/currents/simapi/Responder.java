package dev.currents.simapi;

import java.time.Duration;

/** Decides the answer to a request: a script's if one takes it, else the normal behaviour's. */
final class Responder {
    private final Scripts scripts;
    private final CurrentsApiBehaviour normal;

    /** An answer and how long to wait before giving it. */
    record Decision(Answer answer, Duration delay) {
    }

    Responder(Scripts scripts, CurrentsApiBehaviour normal) {
        this.scripts = scripts;
        this.normal = normal;
    }

    Decision decide(Exchange exchange) {
        return scripts.take(exchange)
                .map(script -> new Decision(script.answer(exchange, normal), script.delay()))
                .orElseGet(() -> new Decision(normal.answer(exchange), Duration.ZERO));
    }
}
