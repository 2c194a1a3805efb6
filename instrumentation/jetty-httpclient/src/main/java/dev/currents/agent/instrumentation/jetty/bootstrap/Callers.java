package dev.currents.agent.instrumentation.jetty.bootstrap;

import java.util.Optional;

/** Who called Jetty's {@code Request.abort}: Jetty itself (its timeouts, failures, cancelled futures) or not. */
final class Callers {

  private static final String JETTY = "org.eclipse.jetty.";
  private static final StackWalker WALKER = StackWalker.getInstance();

  private Callers() {}

  /**
   * Whether the frame below the innermost {@code abort} of a Jetty class on this thread's stack is outside Jetty:
   * the application, or a library of its own that drives Jetty. Walked only for aborts of Currents requests.
   */
  static boolean ofAbortIsTheApplication() {
    Optional<String> caller =
        WALKER.walk(
            frames ->
                frames
                    .dropWhile(frame -> !(frame.getMethodName().equals("abort") && frame.getClassName().startsWith(JETTY)))
                    .skip(1)
                    .findFirst()
                    .map(StackWalker.StackFrame::getClassName));
    return caller.isPresent() && !caller.get().startsWith(JETTY);
  }
}
