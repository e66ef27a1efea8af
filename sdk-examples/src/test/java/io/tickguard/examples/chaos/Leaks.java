package io.tickguard.examples.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a client leaves behind after {@code close()}: its threads (pipeline, async, dispatcher, stream
 * reader and delivery threads) and its TCP connections to the server.
 */
final class Leaks {
  private static final long BOUND_NANOS = 60_000_000_000L;
  /**
   * Threads a client starts. OkHttp's "OkHttp TaskRunner" threads are left out: they are one shared
   * pool per JVM (the sandbox's own server uses them too) and idle out on their own.
   */
  private static final List<String> CLIENT_THREADS =
      List.of("tickguard-", "OkHttp Dispatcher", "OkHttp https://", "OkHttp http://", "OkHttp WebSocket");
  /** One per JVM by design (the sweeper of every client's call deadlines), never per client. */
  private static final List<String> SHARED_THREADS = List.of("tickguard-call-deadlines");

  private Leaks() {}

  /** The names of the live client-side threads, with their ids (a name may repeat). */
  static Set<String> clientThreads() {
    Set<String> out = new TreeSet<>();
    Thread.getAllStackTraces().forEach((t, frames) -> {
      if (t.isAlive() && CLIENT_THREADS.stream().anyMatch(p -> t.getName().startsWith(p))
          && !SHARED_THREADS.contains(t.getName()) && !isIdleTaskRunner(frames)) {
        out.add(t.getName() + "#" + t.getId());
      }
    });
    return out;
  }

  /**
   * An idle thread of OkHttp's JVM-wide task runner, waiting for its next task. OkHttp 5.5.1 renames a
   * runner thread after each task it runs ("OkHttp WebSocket ... writer close") and restores the name
   * only when the thread exits, so an idle shared thread can carry a client's name for a minute; what
   * it is doing, not its name, says whether it still works for a client.
   */
  static boolean isIdleTaskRunner(StackTraceElement[] frames) {
    for (StackTraceElement f : frames) {
      if (f.getClassName().equals("okhttp3.internal.concurrent.TaskRunner") && f.getMethodName().equals("awaitTaskToRun")) {
        return true;
      }
      if (f.getClassName().startsWith("okhttp3.internal.concurrent.TaskRunner$runnable")) {
        return false; // inside a task's run: a runner thread working (for a client, if its name says so)
      }
    }
    return false;
  }

  /**
   * Established TCP connections from this process to {@code serverPort} on loopback, read from the
   * kernel's table ({@code /proc/net/tcp}, Linux): the client side of every open connection, whoever
   * holds it, with no reliance on OkHttp's internals.
   */
  static int establishedTo(int serverPort) {
    String port = String.format(Locale.ROOT, ":%04X", serverPort);
    try {
      int n = 0;
      for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
        String[] f = line.trim().split("\\s+");
        // local_address rem_address st ...; 01 = ESTABLISHED
        if (f.length > 3 && f[2].endsWith(port) && !f[1].endsWith(port) && f[3].equals("01")) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The connections to {@code serverPort} still established (their kernel table lines) and every live
   * thread whose name is not the JVM's own, each with its top frames: where a leaked connection's
   * holder may be.
   */
  static String leftBehind(int serverPort) {
    String port = String.format(Locale.ROOT, ":%04X", serverPort);
    StringBuilder out = new StringBuilder("\nestablished to the sandbox (local address, remote address):");
    try {
      for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && f[2].endsWith(port) && !f[1].endsWith(port) && f[3].equals("01")) {
          out.append("\n  ").append(f[1]).append(" -> ").append(f[2]);
        }
      }
    } catch (IOException e) {
      out.append(" unreadable: ").append(e);
    }
    out.append("\nthreads:");
    Thread.getAllStackTraces().forEach((t, frames) -> {
      out.append("\n  ").append(t.getName()).append(' ').append(t.getState());
      for (int i = 0; i < Math.min(6, frames.length); i++) {
        out.append("\n      at ").append(frames[i]);
      }
    });
    return out.toString();
  }

  /** Returns once {@code condition} holds; fails with {@code what} after a generous bound. */
  static void awaitUntil(String what, BooleanSupplier condition) {
    awaitUntil(what, condition, () -> "");
  }

  /**
   * As {@link #awaitUntil(String, BooleanSupplier)}, and a failure also says {@code detail}: what
   * was left behind, for the next reader of a failure that happens rarely.
   */
  static void awaitUntil(String what, BooleanSupplier condition, Supplier<String> detail) {
    long deadline = System.nanoTime() + BOUND_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Never happened: " + what + detail.get());
      }
      LockSupport.parkNanos(5_000_000);
    }
  }
}
