package dev.currents.benchmarks.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trivial application of the start-up comparison. Without arguments it only prints {@link System#nanoTime()}
 * at the entry of main, so that the driver can tell the time to main from the time to exit. With {@code --memory
 * [MS]} it prints {@code MEMORY rss_kb=..} (VmRSS from /proc/self/status, read first in main, before anything else
 * is loaded), the classes loaded then, and after MS milliseconds (2000 by default; an agent may still be starting on
 * a thread of its own when main begins) VmRSS again, the loaded class count, the heap in use before and after a
 * full GC, metaspace in use and the number of live threads.
 */
public final class TrivialMain {

  private TrivialMain() {}

  private static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
      }
    }
    return -1;
  }

  public static void main(String[] args) throws Exception {
    // System.nanoTime is CLOCK_MONOTONIC on Linux, the same clock in every process: the driver subtracts the
    // moment it spawned this JVM. println(long), not a string concatenation, which would bootstrap indy.
    long entered = System.nanoTime();
    if (args.length == 0 || !args[0].equals("--memory")) {
      System.out.println(entered);
      return;
    }
    long rssKb = rssKb();
    int classesAtMain = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    // An agent may go on starting on a thread of its own after main began: measure again once it is done.
    Thread.sleep(args.length > 1 ? Long.parseLong(args[1]) : 2000);
    long settledRssKb = rssKb();
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    long heapBeforeGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.gc();
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long metaspaceUsed = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.NON_HEAP && pool.getName().equals("Metaspace")) {
        metaspaceUsed = pool.getUsage().getUsed();
      }
    }
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    System.out.println(
        "MEMORY rss_kb="
            + rssKb
            + " classes_at_main="
            + classesAtMain
            + " settled_rss_kb="
            + settledRssKb
            + " classes="
            + classes
            + " heap_before_gc_kb="
            + heapBeforeGc / 1024
            + " heap_after_gc_kb="
            + heapUsed / 1024
            + " metaspace_kb="
            + metaspaceUsed / 1024
            + " threads="
            + threads);
    // The last thing main does: the driver measures from here to the process's exit.
    System.out.println(System.nanoTime());
  }
}
