package io.tickguard.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server of the test's own on a free 127.0.0.1 port, without persistence, in a temp
 * directory; it can be stopped and started again on the same port mid-test. Tests fail (never skip)
 * when the binary is missing: install it with {@code apt-get install redis-server}.
 */
final class RedisProcess implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final List<String> extraArgs;
  private final boolean tls;
  private Process process;

  private RedisProcess(Path dir, int port, List<String> extraArgs, boolean tls) {
    this.dir = dir;
    this.port = port;
    this.extraArgs = extraArgs;
    this.tls = tls;
  }

  /** Starts a redis-server with {@code extraArgs} (such as {@code --requirepass x}). */
  static RedisProcess start(String... extraArgs) {
    try {
      RedisProcess redis = new RedisProcess(Files.createTempDirectory("tickguard-redis"), freePort(), List.of(extraArgs), false);
      redis.startAgain();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a redis-server that speaks only TLS, with the PEM files given. */
  static RedisProcess startTls(Path cert, Path key, Path ca) {
    try {
      RedisProcess redis = new RedisProcess(Files.createTempDirectory("tickguard-redis"), freePort(), List.of(
          "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", ca.toString(),
          "--tls-auth-clients", "no"), true);
      redis.startAgain();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String binary() {
    for (String dir : new String[] {"/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin"}) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError("redis-server binary not found: the sdk-redis tests need a real Redis."
        + " Install it with 'apt-get install redis-server' (Debian/Ubuntu) or put redis-server on the PATH");
  }

  int port() {
    return port;
  }

  /** Starts the server (again) on the same port; returns once it accepts connections. */
  void startAgain() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("redis-server already running on " + port);
    }
    List<String> command = new ArrayList<>(Arrays.asList(binary(),
        "--port", tls ? "0" : Integer.toString(port), "--tls-port", tls ? Integer.toString(port) : "0",
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--dir", dir.toString(), "--protected-mode", "yes", "--daemonize", "no", "--loglevel", "warning"));
    command.addAll(extraArgs);
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command.get(0), e);
    }
    awaitListening();
  }

  /** Kills the server (SIGKILL: no goodbye to clients), waiting until it is gone. */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server on " + port + " did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  private void awaitListening() {
    // Polling a port until a child process listens: a startup wait, not a timing assertion.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited at start; see " + dir.resolve("redis.log"));
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        if (socket.isConnected()) {
          return;
        }
      } catch (IOException notYet) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port + " within 20 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
