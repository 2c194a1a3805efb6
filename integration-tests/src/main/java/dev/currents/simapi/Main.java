package dev.currents.simapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the simulated API until killed, for people and benchmarks:
 *
 * <pre>
 * java -cp ... dev.currents.simapi.Main [--port N] [--https-port N]
 *      [--rw-key K]... [--ro-key K]... [--record-key K]... [--trust-store-password P]
 * </pre>
 *
 * Without keys it accepts {@code rw-key-1}, {@code ro-key-1} and {@code record-key-1}. Prints both base
 * URLs and the path of a trust store for the clients.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = 0;
        int httpsPort = 0;
        List<String> readWrite = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        List<String> record = new ArrayList<>();
        String trustStorePassword = "changeit";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                usage();
                return;
            }
            if (i + 1 == args.length) {
                fail("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port": httpPort = port(value); break;
                case "--https-port": httpsPort = port(value); break;
                case "--rw-key": readWrite.add(value); break;
                case "--ro-key": readOnly.add(value); break;
                case "--record-key": record.add(value); break;
                case "--trust-store-password": trustStorePassword = value; break;
                default: fail("unknown option " + option);
            }
        }
        if (readWrite.isEmpty() && readOnly.isEmpty() && record.isEmpty()) {
            readWrite.add("rw-key-1");
            readOnly.add("ro-key-1");
            record.add("record-key-1");
        }
        SimulatedCurrentsApi api = SimulatedCurrentsApi.builder()
                .readWriteKeys(readWrite.toArray(String[]::new))
                .readOnlyKeys(readOnly.toArray(String[]::new))
                .recordKeys(record.toArray(String[]::new))
                .httpPort(httpPort)
                .httpsPort(httpsPort)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "currents-simapi-shutdown"));
        Path trustStore = api.writeTrustStore(Files.createTempDirectory("currents-simapi"), trustStorePassword);
        System.out.println("http:  " + api.httpBaseUrl());
        System.out.println("https: " + api.httpsBaseUrl());
        System.out.println("trust store: " + trustStore + " (PKCS12, password " + trustStorePassword + ")");
        System.out.println("keys: read-write " + readWrite + ", read-only " + readOnly + ", record " + record);
        System.out.flush();
        api.join();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("not a port: " + value);
        return -1;
    }

    private static void usage() {
        System.out.println("usage: Main [--port N] [--https-port N] [--rw-key K]... [--ro-key K]..."
                + " [--record-key K]... [--trust-store-password P]");
    }

    private static void fail(String message) {
        System.err.println(message);
        usage();
        System.exit(2);
    }
}
