package dev.currents.agent.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A one-way 64-bit fingerprint of a credential header (SPEC section 5), so that two keys calling the same URL
 * are two requests while the key itself is never kept. SHA-256 because the fingerprint sits in memory beside
 * metrics: it must not be reversible to the key.
 */
public final class CredentialFingerprint {

  /** The fingerprint of "no credential". */
  public static final long NONE = 0L;

  private CredentialFingerprint() {}

  public static long of(String credential) {
    if (credential == null || credential.isEmpty()) {
      return NONE;
    }
    byte[] digest = sha256().digest(credential.getBytes(StandardCharsets.UTF_8));
    long fingerprint = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      fingerprint = (fingerprint << 8) | (digest[i] & 0xFF);
    }
    return fingerprint == NONE ? 1L : fingerprint;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
