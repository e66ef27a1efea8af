package io.tickguard.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.tickguard.core.TransportException;
import io.tickguard.redis.internal.Outage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One connection to Redis shared by the {@link RedisThrottle}s and {@link RedisTokenSession}s of a
 * JVM, plus the key prefix of the application. Lettuce multiplexes every thread's commands over
 * the one connection, so a JVM needs one backend, not one per client.
 *
 * <ul>
 *   <li>{@link #connect(RedisSettings)}: a standalone Redis, with TLS, ACL user and password,
 *       timeouts; the backend owns and closes the Lettuce client.
 *   <li>{@link #wrap(StatefulRedisConnection, String)}: a connection from the application's own
 *       {@code RedisClient}, for example one created with a Sentinel {@code RedisURI};
 *   <li>{@link #wrap(StatefulRedisClusterConnection, String)}: a Redis Cluster connection from a
 *       {@code RedisClusterClient}. Every key of one throttle or session shares a hash tag, so its
 *       scripts run on one node.
 * </ul>
 *
 * <p>Wrapped connections stay the application's: {@link #close()} leaves them open. Configure them
 * to reject commands while disconnected ({@code ClientOptions.DisconnectedBehavior.REJECT_COMMANDS})
 * and with a command timeout, so an outage is detected at once rather than after queued commands
 * time out.
 */
public final class RedisBackend implements AutoCloseable {
  private final RedisClusterCommands<String, String> commands;
  private final String keyPrefix;
  private final String description;
  private final AutoCloseable owned;

  private RedisBackend(RedisClusterCommands<String, String> commands, String keyPrefix, String description, AutoCloseable owned) {
    this.commands = commands;
    this.keyPrefix = RedisSettings.checkPrefix(keyPrefix);
    this.description = description;
    this.owned = owned;
  }

  /**
   * Connects to the Redis {@code settings} describe.
   *
   * @throws TransportException when Redis cannot be reached or refuses the credentials (the
   *     message names the host and the failure, never the password)
   */
  public static RedisBackend connect(RedisSettings settings) {
    Objects.requireNonNull(settings, "settings");
    RedisURI.Builder uri = RedisURI.Builder.redis(settings.host(), settings.port())
        .withSsl(settings.tls())
        .withVerifyPeer(settings.verifyPeer())
        .withDatabase(settings.database())
        .withTimeout(settings.connectTimeout()) // the handshake's bound; commands get commandTimeout below
        .withClientName("tickguard");
    settings.password().ifPresent(password -> {
      // Lettuce keeps this array (not a copy) to log in again after every reconnect: never wipe it.
      char[] chars = password.chars();
      if (settings.user().isPresent()) {
        uri.withAuthentication(settings.user().get(), chars);
      } else {
        uri.withPassword(chars);
      }
    });
    ClientOptions.Builder options = ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
        .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()));
    settings.trustedCertificates().ifPresent(
        pem -> options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(pem.toFile()).build()));
    // Reconnect quickly after an outage (Lettuce's default backoff grows to 30 s): recovery is
    // what the degradation policy waits for.
    ClientResources resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    RedisClient client = RedisClient.create(resources, uri.build());
    client.setOptions(options.build());
    String description = settings.host() + ":" + settings.port();
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      return new RedisBackend(connection.sync(), settings.keyPrefix(), description, () -> {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
      });
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new TransportException("Redis at " + description + " unreachable or refused the login: "
          + reason(e) + "; check host, port, TLS and the ACL user", e);
    }
  }

  /** Uses a connection of the application's own Lettuce {@code RedisClient} (standalone or Sentinel). */
  public static RedisBackend wrap(StatefulRedisConnection<String, String> connection, String keyPrefix) {
    Objects.requireNonNull(connection, "connection");
    return new RedisBackend(connection.sync(), keyPrefix, "redis", () -> { });
  }

  /** Uses a connection of the application's own Lettuce {@code RedisClusterClient}. */
  public static RedisBackend wrap(StatefulRedisClusterConnection<String, String> connection, String keyPrefix) {
    Objects.requireNonNull(connection, "connection");
    return new RedisBackend(connection.sync(), keyPrefix, "redis-cluster", () -> { });
  }

  /** The synchronous commands, shared by every thread. */
  RedisClusterCommands<String, String> commands() {
    return commands;
  }

  /**
   * The key {@code prefix + "{" + tag + "}:" + suffix}: every key of one throttle or session
   * carries the same hash tag, so Redis Cluster keeps them on one node for the atomic scripts.
   */
  /**
   * {@code name} when it can tag this backend's keys (1-64 of {@code [A-Za-z0-9_.:-]}); else an
   * {@link io.tickguard.core.InvalidRequestException} naming the field, with {@code example}.
   */
  static String requireName(String name, String example) {
    if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw new io.tickguard.core.InvalidRequestException(
          "name", "name: 1-64 of [A-Za-z0-9_.:-] (it tags the Redis keys), such as '" + example + "'");
    }
    return name;
  }

  /** The health tracking of {@code component} on {@code clock}, reporting to {@code listener}. */
  static Outage outage(String component, Clock clock, Duration recheck, RedisHealthListener listener) {
    return new Outage(component, clock, recheck, listener::onRedisUnavailable, listener::onRedisRecovered,
        listener::onDegradedCall);
  }

  String key(String tag, String suffix) {
    return keyPrefix + "{" + tag + "}:" + suffix;
  }

  /** The key prefix. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** The exception's type and, for Redis errors, its first words: never a password. */
  static String reason(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + (root != e ? " (" + root.getClass().getSimpleName() + ")" : "");
  }

  /** Closes the connection and client this backend created; wrapped connections stay open. */
  @Override
  public void close() {
    try {
      owned.close();
    } catch (Exception e) {
      throw new TransportException("Closing the Redis connection to " + description + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "RedisBackend{" + description + ", prefix=" + keyPrefix + "}";
  }
}
