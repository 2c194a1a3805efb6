package dev.currents.demo;

import java.util.Locale;

/**
 * The agent's backoff meters as its {@code /metrics} shows them (label order, number formats, histogram
 * bounds), to build scrapes from; {@link #demoRun()} is a real demo run, its numbers kept.
 */
final class BackoffFixtures {
    /** The agent's bounds of the backoff delay histogram, in seconds. */
    private static final double[] DELAY_BOUNDS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120};
    private static final String SERVICE = "service_name=\"unknown_service:java\"";

    private BackoffFixtures() {
    }

    /** One retry: the delay timer's count, sum, max and buckets, for a route whose retry saw nothing else. */
    static String retry(String endpoint, String trigger, int attempt, boolean compliant, double seconds) {
        String labels = "attempt=\"" + (attempt >= 5 ? "5+" : Integer.toString(attempt)) + "\",compliant=\""
                + compliant + "\",endpoint=\"" + endpoint + "\",method=\"GET\"," + SERVICE + ",trigger=\"" + trigger
                + "\"";
        StringBuilder text = new StringBuilder();
        for (double bound : DELAY_BOUNDS) {
            text.append("currents_api_backoff_delay_seconds_bucket{").append(labels).append(",le=\"").append(bound)
                    .append("\"} ").append(seconds <= bound ? 1 : 0).append('\n');
        }
        text.append("currents_api_backoff_delay_seconds_bucket{").append(labels).append(",le=\"+Inf\"} 1\n");
        text.append("currents_api_backoff_delay_seconds_count{").append(labels).append("} 1\n");
        text.append("currents_api_backoff_delay_seconds_sum{").append(labels).append("} ").append(number(seconds))
                .append('\n');
        text.append("currents_api_backoff_delay_seconds_max{").append(labels).append("} ").append(number(seconds))
                .append('\n');
        return text.toString();
    }

    static String violations(String endpoint, String trigger, String reason, int n) {
        return "currents_api_backoff_violations_total{endpoint=\"" + endpoint + "\",method=\"GET\",reason=\"" + reason
                + "\"," + SERVICE + ",trigger=\"" + trigger + "\"} " + n + ".0\n";
    }

    /** One finished chain: the chain counter, its attempts and its duration. */
    static String chain(String endpoint, String trigger, String result, String policy, int attempts,
                        double seconds) {
        String labels = "endpoint=\"" + endpoint + "\",method=\"GET\",result=\"" + result + "\"," + SERVICE
                + ",trigger=\"" + trigger + "\"";
        return "currents_api_retry_chain_attempts_count{" + labels + "} 1\n"
                + "currents_api_retry_chain_attempts_sum{" + labels + "} " + attempts + ".0\n"
                + "currents_api_retry_chain_attempts_max{" + labels + "} " + attempts + ".0\n"
                + "currents_api_retry_chain_duration_seconds_count{" + labels + "} 1\n"
                + "currents_api_retry_chain_duration_seconds_sum{" + labels + "} " + number(seconds) + "\n"
                + "currents_api_retry_chain_duration_seconds_max{" + labels + "} " + number(seconds) + "\n"
                + "currents_api_retry_chains_total{endpoint=\"" + endpoint + "\",method=\"GET\",policy=\"" + policy
                + "\",result=\"" + result + "\"," + SERVICE + ",trigger=\"" + trigger + "\"} 1.0\n";
    }

    /** {@code count} responses with Retry-After, {@code seconds} each. */
    static String retryAfter(String endpoint, int count, double seconds) {
        String labels = "endpoint=\"" + endpoint + "\",method=\"GET\"," + SERVICE + ",status=\"429\"";
        return "currents_api_retry_after_seconds_count{" + labels + "} " + count + "\n"
                + "currents_api_retry_after_seconds_sum{" + labels + "} " + number(count * seconds) + "\n"
                + "currents_api_retry_after_seconds_max{" + labels + "} " + number(seconds) + "\n";
    }

    /** Requests tagged resend="true". */
    static String resends(String client, String endpoint, String status, String category, int n) {
        String labels = "client=\"" + client + "\",endpoint=\"" + endpoint + "\",error_category=\"" + category
                + "\",method=\"GET\",outcome=\"CLIENT_ERROR\",resend=\"true\",server_address=\"127.0.0.1\","
                + SERVICE + ",status=\"" + status + "\"";
        return "currents_api_requests_seconds_count{" + labels + "} " + n + "\n"
                + "currents_api_requests_seconds_sum{" + labels + "} 0.0123\n";
    }

    /** The backoff meters of a demo run: careful and hammering clients, two routes each, and two other retries. */
    static String demoRun() {
        String insights = "/v1/projects/{projectId}/insights";
        String results = "/v1/test-results/{signature}";
        String find = "/v1/runs/find";
        String previous = "/v1/runs/previous";
        String runs = "/v1/projects/{projectId}/runs";
        String tooMany = "too_many_requests";
        return "# TYPE currents_api_backoff_delay_seconds histogram\n"
                + retry(insights, tooMany, 1, true, 1.014256542)
                + retry(insights, tooMany, 2, true, 1.003312607)
                + retry(insights, tooMany, 3, true, 1.002159142)
                + retryAfter(insights, 3, 1.0)
                + chain(insights, tooMany, "recovered", "retry_after", 4, 3.055564877)
                + resends("java-http-client", insights, "429", tooMany, 2)
                + resends("java-http-client", insights, "200", "ok", 1)
                + retry(results, tooMany, 1, true, 0.257065705)
                + retry(results, tooMany, 2, true, 0.502225363)
                + retry(results, tooMany, 3, true, 1.001399854)
                + chain(results, tooMany, "recovered", "exponential", 4, 1.801833425)
                + resends("java-http-client", results, "429", tooMany, 2)
                + resends("java-http-client", results, "200", "ok", 1)
                + retry(find, tooMany, 1, false, 0.012881328)
                + retry(find, tooMany, 2, false, 0.008957182)
                + retry(find, tooMany, 3, false, 0.003396184)
                + retryAfter(find, 3, 1.0)
                + violations(find, tooMany, "retry_after_ignored", 3)
                + chain(find, tooMany, "recovered", "immediate", 4, 0.04266845)
                + resends("http-url-connection", find, "429", tooMany, 2)
                + resends("http-url-connection", find, "200", "ok", 1)
                + retry(previous, tooMany, 1, false, 0.02001227)
                + retry(previous, tooMany, 2, false, 0.001481151)
                + retry(previous, tooMany, 3, false, 0.004400296)
                + violations(previous, tooMany, "no_backoff", 3)
                + violations(previous, tooMany, "not_increasing", 1)
                + chain(previous, tooMany, "recovered", "immediate", 4, 0.055918913)
                + resends("http-url-connection", previous, "429", tooMany, 2)
                + resends("http-url-connection", previous, "200", "ok", 1)
                + retry("/v1/projects", "network_error", 1, false, 7.34011E-4)
                + violations("/v1/projects", "network_error", "no_backoff", 1)
                + resends("java-http-client", "/v1/projects", "NONE", "network_error", 1)
                + retry(runs, tooMany, 1, false, 6.54048E-4)
                + retryAfter(runs, 5, 10.0)
                + violations(runs, tooMany, "retry_after_ignored", 1)
                + resends("http-url-connection", runs, "429", tooMany, 1)
                // A route with Retry-After and nothing else: no retry, so not shown.
                + retryAfter("/v1/runs/{runId}", 1, 2.0);
    }

    /** As the agent prints doubles: {@code 1.0}, {@code 0.25}, {@code 7.34011E-4}. */
    private static String number(double value) {
        return Double.toString(value).toUpperCase(Locale.ROOT);
    }
}
