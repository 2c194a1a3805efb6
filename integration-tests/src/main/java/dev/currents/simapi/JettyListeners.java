package dev.currents.simapi;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty server on 127.0.0.1 with a plain and a TLS listener that speak HTTP/1.1 only, and two that speak
 * HTTP/2 as well: over TLS, chosen by ALPN, and in clear text (h2c), by prior knowledge or an {@code Upgrade}. On the
 * first two, clients that offer HTTP/2 (the JDK's HttpClient does) fall back to HTTP/1.1: without an HTTP/2
 * connection factory Jetty ignores a client's {@code Upgrade: h2c}, and without ALPN the TLS handshake selects no
 * protocol. A test chooses the protocol by the listener it calls.
 */
final class JettyListeners implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    /** Longer than any scripted delay a test uses, shorter than a forgotten connection deserves. */
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;
    /** Room for a burst of connections from many concurrent clients. */
    private static final int ACCEPT_QUEUE = 512;

    private final Server server;
    /** Kept from the start: a stopped connector forgets its port, and a closed API still names its URLs. */
    private final int httpPort;
    private final int httpsPort;
    private final int h2Port;
    private final int h2cPort;

    private JettyListeners(Server server, int httpPort, int httpsPort, int h2Port, int h2cPort) {
        this.server = server;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.h2Port = h2Port;
        this.h2cPort = h2cPort;
    }

    /** The HTTP/1.1 listeners on those ports, 0 for a free one; the HTTP/2 ones on free ports. */
    static JettyListeners start(Handler handler, SelfSignedCertificate certificate, int httpPort, int httpsPort) {
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("currents-simapi");
        threads.setDaemon(true);
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector plain = connector(server, httpPort, new HttpConnectionFactory(http));

        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false)); // clients may send SNI "localhost" or none
        ServerConnector tls = connector(server, httpsPort,
                new SslConnectionFactory(ssl(certificate), HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));

        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(HttpVersion.HTTP_1_1.asString());
        ServerConnector h2 = connector(server, 0, new SslConnectionFactory(ssl(certificate), alpn.getProtocol()),
                alpn, new HTTP2ServerConnectionFactory(https), new HttpConnectionFactory(https));
        ServerConnector h2c = connector(server, 0, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));

        server.addConnector(plain);
        server.addConnector(tls);
        server.addConnector(h2);
        server.addConnector(h2c);
        server.setHandler(handler);
        server.setStopTimeout(0); // close() ends in-flight answers at once: tests must not wait for them
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("could not start the simulated Currents API", e);
        }
        return new JettyListeners(server, plain.getLocalPort(), tls.getLocalPort(), h2.getLocalPort(),
                h2c.getLocalPort());
    }

    private static SslContextFactory.Server ssl(SelfSignedCertificate certificate) {
        char[] password = "simulated".toCharArray();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificate.keyStore(password));
        ssl.setKeyStorePassword(new String(password));
        // HTTP/2 forbids the older ciphers: offer the ones it allows first.
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        return ssl;
    }

    private static ServerConnector connector(Server server, int port, ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, factories);
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }

    int httpPort() {
        return httpPort;
    }

    int httpsPort() {
        return httpsPort;
    }

    int h2Port() {
        return h2Port;
    }

    int h2cPort() {
        return h2cPort;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the simulated Currents API", e);
        }
    }

    void join() throws InterruptedException {
        server.join();
    }
}
