package dev.currents.demo;

import dev.currents.demo.Step.ServerScript;
import dev.currents.simapi.RateLimit;
import dev.currents.simapi.ScriptBuilder;
import dev.currents.simapi.SimulatedCurrentsApi;
import dev.currents.simapi.Throttle;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The simulated Currents API as the demo needs it: the plan's keys and rate limit, and its scripts. */
final class DemoApi {
    private DemoApi() {
    }

    /** Starts the API on free ports, HTTP and HTTPS, with every script of {@code steps} installed. */
    static SimulatedCurrentsApi start(List<Step> steps) {
        SimulatedCurrentsApi api = SimulatedCurrentsApi.builder()
                .readWriteKeys(Plan.READ_WRITE_KEY, Plan.BURST_KEY, Plan.CAREFUL_KEY_RETRY_AFTER,
                        Plan.CAREFUL_KEY_BARE, Plan.HAMMERING_KEY_RETRY_AFTER, Plan.HAMMERING_KEY_BARE)
                .readOnlyKeys(Plan.READ_ONLY_KEY)
                .recordKeys(Plan.RECORD_KEY)
                .rateLimit(Plan.BURST_KEY, burstLimit())
                .rateLimit(Plan.CAREFUL_KEY_RETRY_AFTER, throttledThenOpen(true))
                .rateLimit(Plan.CAREFUL_KEY_BARE, throttledThenOpen(false))
                .rateLimit(Plan.HAMMERING_KEY_RETRY_AFTER, throttledThenOpen(true))
                .rateLimit(Plan.HAMMERING_KEY_BARE, throttledThenOpen(false))
                .start();
        try {
            install(api, steps);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        return api;
    }

    /** {@link Plan#BURST_CAPACITY} tokens, one back every {@link Plan#BURST_REFILL_SECONDS} s, said in Retry-After. */
    static RateLimit burstLimit() {
        return RateLimit.tokenBucket(Plan.BURST_CAPACITY, 1.0 / Plan.BURST_REFILL_SECONDS)
                .throttle(Throttle.RETRY_AFTER_SECONDS, Plan.BURST_REFILL_SECONDS);
    }

    /**
     * A retrying client's key: {@link Plan#THROTTLED_ANSWERS} 429s, then every request passes; the 429s say
     * {@code Retry-After: }{@value Plan#THROTTLED_RETRY_AFTER_SECONDS}, or nothing.
     */
    static RateLimit throttledThenOpen(boolean retryAfter) {
        RateLimit limit = RateLimit.pattern(0, Plan.THROTTLED_ANSWERS);
        return retryAfter
                ? limit.throttle(Throttle.RETRY_AFTER_SECONDS, Plan.THROTTLED_RETRY_AFTER_SECONDS)
                : limit.throttle(Throttle.NO_RETRY_AFTER);
    }

    /**
     * One single-use script per scripted step. A script matches by method and path, so a scripted step's
     * path must be its own: else an earlier call would take the script meant for a later one.
     */
    static void install(SimulatedCurrentsApi api, List<Step> steps) {
        checkScriptedPathsAreUnique(steps);
        for (Step step : steps) {
            if (step.script() == null) {
                continue;
            }
            ScriptBuilder script = api.script().on(step.method(), step.pathWithoutQuery());
            if (step.script() instanceof ServerScript.Respond respond) {
                if (respond.headers().isEmpty()) {
                    script.respond(respond.status());
                } else {
                    script.respond(respond.status(), "", respond.headers());
                }
            } else if (step.script() instanceof ServerScript.Delay delay) {
                script.delay(delay.delay());
            } else if (step.script() instanceof ServerScript.Reset) {
                script.resetConnection();
            } else {
                throw new IllegalStateException("unknown script " + step.script());
            }
        }
    }

    static void checkScriptedPathsAreUnique(List<Step> steps) {
        Set<String> scripted = new HashSet<>();
        for (Step step : steps) {
            if (step.script() != null && !scripted.add(step.method() + " " + step.pathWithoutQuery())) {
                throw new IllegalStateException("two scripted calls share " + step.method() + " " + step.path());
            }
        }
        for (Step step : steps) {
            String key = step.method() + " " + step.pathWithoutQuery();
            if (step.script() == null && scripted.contains(key)) {
                throw new IllegalStateException("an unscripted call would take the script of " + key);
            }
        }
    }
}
