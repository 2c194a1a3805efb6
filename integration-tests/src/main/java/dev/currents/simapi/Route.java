package dev.currents.simapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One documented route: a method, a template such as {@code /v1/runs/{runId}}, its service and its answer. */
final class Route {

    /** Answers a request that matched the route, after authentication and rate limiting. */
    @FunctionalInterface
    interface Handler {
        Answer.Reply handle(Call call);
    }

    /** A matched request with the values of the template's parameters. */
    record Call(Exchange exchange, Map<String, String> params) {
        String param(String name) {
            String value = params.get(name);
            if (value == null) {
                throw new IllegalArgumentException("route has no parameter " + name);
            }
            return value;
        }
    }

    final Service service;
    final String method;
    final String template;
    final Handler handler;
    private final List<String> segments;

    Route(Service service, String method, String template, Handler handler) {
        this.service = service;
        this.method = method;
        this.template = template;
        this.handler = handler;
        this.segments = List.of(template.substring(1).split("/"));
    }

    /** The template's parameters bound to the path's segments, if the path fits the template. */
    Optional<Map<String, String>> bind(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String actual = pathSegments.get(i);
            if (isParameter(segment)) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), actual);
            } else if (!segment.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /**
     * Literal routes before parameter routes, segment by segment from the left: {@code /v1/runs/find}
     * before {@code /v1/runs/{runId}}, {@code /v1/actions/tests/{signature}} before
     * {@code /v1/actions/{actionId}/tests}.
     */
    static int bySpecificity(Route a, Route b) {
        for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
            int order = Boolean.compare(isParameter(a.segments.get(i)), isParameter(b.segments.get(i)));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
