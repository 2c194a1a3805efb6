package dev.currents.simapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers in the documented shapes. Derived from a seed, so that asking twice for the same thing
 * (the third project, the run of a path) answers the same id, as a real API would.
 */
final class Ids {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Ids() {
    }

    /** Like {@code bAYZ41}. */
    static String projectId(String seed) {
        byte[] digest = digest(seed);
        StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(BASE62.charAt((digest[i] & 0xff) % BASE62.length()));
        }
        return id.toString();
    }

    /** 32 hex digits, like a run id or a test signature. */
    static String hex32(String seed) {
        return hex(seed, 32);
    }

    /** 24 hex digits, like a cursor or an instance id. */
    static String hex24(String seed) {
        return hex(seed, 24);
    }

    /** Like a webhook's hook id. */
    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A seed no other request shares: for resources that a POST creates. */
    static String freshSeed() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static boolean isHex32(String text) {
        return text.matches("[0-9a-f]{32}");
    }

    static boolean isUuid(String text) {
        return text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static String hex(String seed, int digits) {
        return HexFormat.of().formatHex(digest(seed)).substring(0, digits);
    }

    private static byte[] digest(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
