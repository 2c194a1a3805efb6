package dev.currents.demo;

/** Scrapes shaped like the agent's /metrics, cut down from a real demo run. */
final class Fixtures {
    private Fixtures() {
    }

    static String series(String client, String method, String endpoint, String status, String category,
                         String host, double count) {
        String labels = "client=\"" + client + "\",endpoint=\"" + endpoint + "\",error_category=\"" + category
                + "\",method=\"" + method + "\",outcome=\"UNKNOWN\",resend=\"false\",server_address=\"" + host
                + "\",service_name=\"unknown_service:java\",status=\"" + status + "\"";
        return "currents_api_requests_seconds_count{" + labels + "} " + count + "\n"
                + "currents_api_requests_seconds_sum{" + labels + "} 0.0123\n"
                + "currents_api_requests_seconds_bucket{" + labels + ",le=\"+Inf\"} " + count + "\n";
    }

    /** 8 requests: java-http-client 5 (ok 2, too_many_requests 2, timeout 1), http-url-connection 3. */
    static String smallScrape() {
        return "# HELP currents_api_requests_seconds HTTP attempts to the Currents API, by route and error category\n"
                + "# TYPE currents_api_requests_seconds histogram\n"
                + series("java-http-client", "GET", "/v1/projects/{projectId}/runs", "200", "ok", "localhost", 2)
                + series("java-http-client", "GET", "/v1/projects/{projectId}/runs", "429", "too_many_requests",
                        "localhost", 2)
                + series("java-http-client", "GET", "/v1/projects/{projectId}/pull-requests", "NONE", "timeout",
                        "localhost", 1)
                + series("http-url-connection", "POST", "/runs", "401", "unauthorized", "127.0.0.1", 1)
                + series("http-url-connection", "GET", "/v1/runs/{runId}", "200", "ok", "127.0.0.1", 1)
                + series("http-url-connection", "GET", "/v1/runs/{runId}", "302", "redirect", "127.0.0.1", 1)
                + "# TYPE currents_api_requests_seconds_max gauge\n"
                + "currents_api_requests_seconds_max{client=\"java-http-client\",endpoint=\"/v1/projects\"} 0.79\n"
                + "# TYPE currents_agent_errors_total counter\n"
                + "currents_agent_errors_total{service_name=\"unknown_service:java\"} 0.0\n";
    }
}
