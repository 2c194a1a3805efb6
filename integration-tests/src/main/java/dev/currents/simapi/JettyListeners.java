package dev.currents.simapi;

import org.eclipse.jetty.http.HttpVersion;
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
 * One Jetty server with a plain and a TLS listener on 127.0.0.1, both HTTP/1.1 only. Without an HTTP/2
 * connection factory Jetty ignores a client's {@code Upgrade: h2c}, and without ALPN the TLS handshake
 * selects no protocol, so clients that offer HTTP/2 (the JDK's HttpClient does) fall back to HTTP/1.1.
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

    private JettyListeners(Server server, int httpPort, int httpsPort) {
        this.server = server;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

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
        char[] password = "simulated".toCharArray();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificate.keyStore(password));
        ssl.setKeyStorePassword(new String(password));
        ServerConnector tls = connector(server, httpsPort,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));

        server.addConnector(plain);
        server.addConnector(tls);
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
        return new JettyListeners(server, plain.getLocalPort(), tls.getLocalPort());
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
