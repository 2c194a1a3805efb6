package dev.currents.simapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Finds the route of a request, literal routes first. */
final class RouteTable {
    private final List<Route> routes;

    record Match(Route route, Map<String, String> params) {
    }

    /** Both services: they share one port, as the simulator serves them. */
    static RouteTable currentsApi() {
        List<Route> all = new ArrayList<>(RestApiRoutes.routes());
        all.addAll(RecordingServiceRoutes.routes());
        return new RouteTable(all);
    }

    RouteTable(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Route::bySpecificity);
        this.routes = List.copyOf(sorted);
    }

    /**
     * The most specific route with this method whose template fits the path. The method takes part in
     * matching because both services live on one port: {@code POST /v1/runs/cancel} is the recording
     * service's, {@code GET /v1/runs/cancel} asks the REST API for a run.
     */
    Optional<Match> match(String method, String path) {
        List<String> segments = segments(path);
        for (Route route : routes) {
            if (route.method.equals(method)) {
                Optional<Map<String, String>> params = route.bind(segments);
                if (params.isPresent()) {
                    return Optional.of(new Match(route, params.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route accepts on this path: empty for an unknown path. */
    Set<String> methodsFor(String path) {
        List<String> segments = segments(path);
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.bind(segments).isPresent()) {
                methods.add(route.method);
            }
        }
        return methods;
    }

    List<Route> routes() {
        return routes;
    }

    private static List<String> segments(String path) {
        // split drops trailing empty strings: "/v1/projects/" is "/v1/projects", as the real API treats it
        return List.of(path.substring(1).split("/"));
    }
}
