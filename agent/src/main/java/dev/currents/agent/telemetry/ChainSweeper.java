package dev.currents.agent.telemetry;

import dev.currents.agent.bootstrap.AgentErrors;
import dev.currents.agent.common.backoff.RetryChains;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes retry chains as {@code abandoned} about one window after their last failure, even when the
 * application never sends another request. One daemon thread, parked for free while no chain is open.
 */
public final class ChainSweeper implements Runnable {

  /** Chains expiring close together are closed in one wake-up instead of one each. */
  private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final Thread thread;
  private volatile RetryChains<?> chains;

  public ChainSweeper() {
    this.thread = new Thread(this, "currents-agent-backoff");
    thread.setDaemon(true);
  }

  /** Starts sweeping {@code retryChains}; their wake-up hook must call {@link #wake()}. */
  public void start(RetryChains<?> retryChains) {
    this.chains = retryChains;
    thread.start();
  }

  public void wake() {
    LockSupport.unpark(thread);
  }

  @Override
  public void run() {
    while (true) {
      long sleep;
      try {
        sleep = chains.expire(System.nanoTime());
      } catch (Throwable t) {
        AgentErrors.report("closing abandoned retry chains", t);
        sleep = MIN_SLEEP_NANOS;
      }
      if (sleep == RetryChains.NO_OPEN_CHAINS) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, Math.max(sleep, MIN_SLEEP_NANOS));
      }
    }
  }
}
