package dev.currents.simapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The Currents REST API and recording service, simulated on loopback over HTTP and HTTPS, for integration
 * tests, the demo and benchmarks. The application under test runs in another JVM and calls it with real
 * clients; tests script failures, throttle keys and read back what arrived.
 *
 * <pre>{@code
 * try (SimulatedCurrentsApi api = SimulatedCurrentsApi.builder()
 *         .readWriteKeys("rw-key-1").readOnlyKeys("ro-key-1").recordKeys("record-key-1")
 *         .rateLimit("rw-key-1", RateLimit.pattern(1, 2).throttle(Throttle.RETRY_AFTER_HTTP_DATE, 2))
 *         .start()) {
 *     Path trustStore = api.writeTrustStore(tempDir, "changeit");
 *     api.script().on("GET", "/v1/projects").times(2).respond(503);
 *     // run the application against api.httpsBaseUrl() + "/v1"
 *     assertEquals(3, api.received().size());
 *     api.reset();
 * }
 * }</pre>
 *
 * Thread-safe. Everything a request meets is in {@link CurrentsApiBehaviour}; {@link Scripts} overrides it.
 */
public final class SimulatedCurrentsApi implements AutoCloseable {
    private final SelfSignedCertificate certificate;
    private final RateLimits rateLimits;
    private final Scripts scripts = new Scripts();
    private final RequestLog log = new RequestLog();
    private final JettyListeners listeners;

    private SimulatedCurrentsApi(Builder builder) {
        this.certificate = SelfSignedCertificate.generate();
        this.rateLimits = new RateLimits(builder.rateLimits, builder.defaultRateLimit);
        Keys keys = new Keys(builder.readWriteKeys, builder.readOnlyKeys, builder.recordKeys);
        CurrentsApiBehaviour behaviour = new CurrentsApiBehaviour(new Authenticator(keys), rateLimits);
        SimApiHandler handler = new SimApiHandler(new Responder(scripts, behaviour), log);
        this.listeners = JettyListeners.start(handler, certificate, builder.httpPort, builder.httpsPort);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash: append {@code /v1/...} or a recording path. */
    public String httpBaseUrl() {
        return "http://127.0.0.1:" + httpPort();
    }

    /** {@code https://localhost:PORT}; the certificate also names {@code 127.0.0.1}. */
    public String httpsBaseUrl() {
        return "https://localhost:" + httpsPort();
    }

    /** {@code https://localhost:PORT}, where HTTP/2 is offered by ALPN beside HTTP/1.1; always a free port. */
    public String h2BaseUrl() {
        return "https://localhost:" + listeners.h2Port();
    }

    /** {@code http://127.0.0.1:PORT}, where HTTP/2 in clear text (h2c) is spoken beside HTTP/1.1. */
    public String h2cBaseUrl() {
        return "http://127.0.0.1:" + listeners.h2cPort();
    }

    public int h2Port() {
        return listeners.h2Port();
    }

    public int h2cPort() {
        return listeners.h2cPort();
    }

    public int httpPort() {
        return listeners.httpPort();
    }

    public int httpsPort() {
        return listeners.httpsPort();
    }

    /**
     * Writes {@code currents-simapi-truststore.p12} into {@code directory}: a PKCS12 trust store for another
     * JVM, via {@code -Djavax.net.ssl.trustStore=PATH -Djavax.net.ssl.trustStorePassword=PASSWORD}.
     */
    public Path writeTrustStore(Path directory, String password) {
        Path file = directory.resolve("currents-simapi-truststore.p12");
        try {
            certificate.writeTrustStore(file, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Trusts this instance's certificate, for clients in the same JVM. */
    public SSLContext clientSslContext() {
        return certificate.clientSslContext();
    }

    /** Scripted answers that take precedence over the normal behaviour. */
    public Scripts script() {
        return scripts;
    }

    /** Gives a key a new limit with fresh state, until {@link #reset()} restores the configured one. */
    public void rateLimit(String key, RateLimit limit) {
        rateLimits.set(key, Objects.requireNonNull(limit));
    }

    /** What reached the server, oldest first; at most the latest 100,000. */
    public List<ReceivedRequest> received() {
        return log.snapshot();
    }

    public void clearReceived() {
        log.clear();
    }

    /**
     * Back to the state after start: no scripts, configured rate limits with full buckets and patterns from
     * the start, nothing received. Call it between tests that share an instance.
     */
    public void reset() {
        scripts.clear();
        rateLimits.reset();
        log.clear();
    }

    @Override
    public void close() {
        listeners.close();
    }

    /** Blocks until the server stops, for {@link Main}. */
    void join() throws InterruptedException {
        listeners.join();
    }

    /** Keys, limits and ports; every key unknown to it gets a 401. */
    public static final class Builder {
        private final Set<String> readWriteKeys = new LinkedHashSet<>();
        private final Set<String> readOnlyKeys = new LinkedHashSet<>();
        private final Set<String> recordKeys = new LinkedHashSet<>();
        private final Map<String, RateLimit> rateLimits = new HashMap<>();
        private RateLimit defaultRateLimit = RateLimit.unlimited();
        private int httpPort;
        private int httpsPort;

        private Builder() {
        }

        /** API keys that may read and write the REST API. */
        public Builder readWriteKeys(String... keys) {
            readWriteKeys.addAll(List.of(keys));
            return this;
        }

        /** API keys that may only read: a POST, PUT or DELETE with one gets 403. */
        public Builder readOnlyKeys(String... keys) {
            readOnlyKeys.addAll(List.of(keys));
            return this;
        }

        /** Record keys the recording service accepts, in the body's {@code recordKey} or {@code x-currents-key}. */
        public Builder recordKeys(String... keys) {
            recordKeys.addAll(List.of(keys));
            return this;
        }

        /** The limit of one API or record key. */
        public Builder rateLimit(String key, RateLimit limit) {
            rateLimits.put(key, Objects.requireNonNull(limit));
            return this;
        }

        /** The limit of every key without its own; unlimited unless set. */
        public Builder defaultRateLimit(RateLimit limit) {
            defaultRateLimit = Objects.requireNonNull(limit);
            return this;
        }

        /** 0, the default, picks a free port. */
        public Builder httpPort(int port) {
            httpPort = port;
            return this;
        }

        /** 0, the default, picks a free port. */
        public Builder httpsPort(int port) {
            httpsPort = port;
            return this;
        }

        public SimulatedCurrentsApi start() {
            return new SimulatedCurrentsApi(this);
        }
    }
}
