package dev.currents.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end and keeps what it printed. */
final class Commands {

  record Result(int exitCode, String output) {}

  private Commands() {}

  static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not end within 60 s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
