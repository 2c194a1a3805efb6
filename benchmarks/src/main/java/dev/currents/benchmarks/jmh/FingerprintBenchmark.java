package dev.currents.benchmarks.jmh;

import dev.currents.agent.common.CredentialFingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The credential fingerprint every attempt with a key pays ({@code CredentialFingerprint.of}, SHA-256 through a
 * new {@code MessageDigest} each time), against the same digest kept per thread: what a change there would save.
 * The alternative lives here only; it is not the agent's code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FingerprintBenchmark {

  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  public String authorization = "Bearer 4f2c6d1e8a9b7c3d5e6f7a8b9c0d1e2f";

  @Benchmark
  public long agent() {
    return CredentialFingerprint.of(authorization);
  }

  @Benchmark
  public long threadLocalDigest() {
    MessageDigest digest = SHA_256.get();
    byte[] hash = digest.digest(authorization.getBytes(StandardCharsets.UTF_8));
    long fingerprint = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      fingerprint = (fingerprint << 8) | (hash[i] & 0xFF);
    }
    return fingerprint == 0 ? 1L : fingerprint;
  }
}
