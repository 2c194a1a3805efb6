package dev.currents.agent.instrumentation.jersey;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.ParentHandover;
import net.bytebuddy.asm.Advice;
import org.glassfish.jersey.client.ClientRequest;

/**
 * Inlined into {@code ClientRuntime.createRunnableForAsyncProcessing}, on the application's thread: the task
 * that Jersey's executor will run for an asynchronous request to a Currents host takes the span current here
 * along.
 */
public final class AsyncTaskAdvice {

  private AsyncTaskAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Argument(0) ClientRequest request, @Advice.Return(readOnly = false) Runnable task) {
    if (task != null && CurrentsRequests.isCurrents(request.getUri())) {
      task = ParentHandover.withCurrentParent(task);
    }
  }
}
