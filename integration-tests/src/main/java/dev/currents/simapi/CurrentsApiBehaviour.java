package dev.currents.simapi;

import java.util.Optional;
import java.util.Set;

/**
 * What the simulated API answers when no script says otherwise. It checks, in this order: route (404,
 * 405), credential (401, 403), rate limit (429, so refused requests take no token), then the route answers.
 *
 * <p>A path no route knows is a 404 whatever the credential; a known path with a method none of its routes
 * takes is a 405 with {@code Allow}, so tests can tell a typo in a path from a wrong method.
 */
final class CurrentsApiBehaviour {
    private final RouteTable routes;
    private final Authenticator authenticator;
    private final RateLimits rateLimits;

    CurrentsApiBehaviour(Authenticator authenticator, RateLimits rateLimits) {
        this.routes = RouteTable.currentsApi();
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
    }

    Answer.Reply answer(Exchange exchange) {
        Optional<RouteTable.Match> match = routes.match(exchange.method(), exchange.path());
        if (match.isEmpty()) {
            return unrouted(exchange);
        }
        Route route = match.get().route();
        Authenticator.Outcome caller = authenticator.authenticate(route.service, exchange);
        if (caller.isRefused()) {
            return caller.refusal();
        }
        Optional<RateLimit> throttledBy = rateLimits.acquire(caller.key());
        if (throttledBy.isPresent()) {
            return tooManyRequests(route.service, throttledBy.get(), exchange);
        }
        return route.handler.handle(new Route.Call(exchange, match.get().params()));
    }

    /** The service whose error body suits this request: its route's, or a guess from the path. */
    Service serviceOf(Exchange exchange) {
        return routes.match(exchange.method(), exchange.path())
                .map(match -> match.route().service)
                .orElseGet(() -> Service.guessFromPath(exchange.path()));
    }

    private Answer.Reply unrouted(Exchange exchange) {
        Service service = Service.guessFromPath(exchange.path());
        Set<String> allowed = routes.methodsFor(exchange.path());
        if (allowed.isEmpty()) {
            return service.error(404, "Not found: " + exchange.path(), "NOT_FOUND");
        }
        return service.error(405, "Method " + exchange.method() + " not allowed on " + exchange.path())
                .withHeader("Allow", String.join(", ", allowed));
    }

    private static Answer.Reply tooManyRequests(Service service, RateLimit limit, Exchange exchange) {
        Answer.Reply reply = service.error(429, "Too many requests, retry later", "TOO_MANY_REQUESTS");
        return limit.throttleMode().retryAfter(limit.retryAfterSeconds(), exchange.receivedAt())
                .map(value -> reply.withHeader("Retry-After", value))
                .orElse(reply);
    }
}
