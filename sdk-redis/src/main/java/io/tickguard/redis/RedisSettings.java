package io.tickguard.redis;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Redis (standalone) for {@link RedisBackend#connect}: host, port, TLS, ACL user
 * and password, database, timeouts and the key prefix every TickGuard key starts with. Redis
 * Cluster and Sentinel are configured on Lettuce's own clients and handed over with {@link
 * RedisBackend#wrap} (see docs/distributed.md).
 *
 * <pre>{@code
 * RedisSettings settings = RedisSettings.builder("redis.internal", 6380)
 *     .tls(true)
 *     .user("tickguard", Secret.fromEnv("REDIS_PASSWORD"))
 *     .keyPrefix("bot-eu:")
 *     .build();
 * }</pre>
 */
public final class RedisSettings {
  private final String host;
  private final int port;
  private final boolean tls;
  private final boolean verifyPeer;
  private final Path trustedCertificates;
  private final String user;
  private final Secret password;
  private final int database;
  private final String keyPrefix;
  private final Duration commandTimeout;
  private final Duration connectTimeout;

  private RedisSettings(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.tls = b.tls;
    this.verifyPeer = b.verifyPeer;
    this.trustedCertificates = b.trustedCertificates;
    this.user = b.user;
    this.password = b.password;
    this.database = b.database;
    this.keyPrefix = b.keyPrefix;
    this.commandTimeout = b.commandTimeout;
    this.connectTimeout = b.connectTimeout;
  }

  /** Starts the settings of the Redis at {@code host:port}. */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  /** The host name or address. */
  public String host() {
    return host;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** Whether the connection uses TLS. */
  public boolean tls() {
    return tls;
  }

  /** Whether TLS verifies the server's certificate and host name (always, unless turned off). */
  public boolean verifyPeer() {
    return verifyPeer;
  }

  /** A PEM file of CA certificates to trust instead of the JDK's, for TLS. */
  public Optional<Path> trustedCertificates() {
    return Optional.ofNullable(trustedCertificates);
  }

  /** The ACL user, when one is set. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** The password (of the ACL user, or of the default user). */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /** The database number (standalone only). */
  public int database() {
    return database;
  }

  /** The prefix of every key TickGuard writes, so applications sharing a Redis never collide. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** How long one Redis command may take before it counts as Redis being unreachable. */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** How long connecting may take. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public String toString() {
    return "RedisSettings{" + host + ":" + port + (tls ? ", tls" : "") + (user == null ? "" : ", user=" + user)
        + (password == null ? "" : ", password=(redacted)") + ", db=" + database + ", prefix=" + keyPrefix + "}";
  }

  /**
   * Builds {@link RedisSettings}. Defaults: no TLS (turn it on for anything but loopback), peer
   * verification on, no user, database 0, key prefix {@code tickguard:}, command timeout 1 s,
   * connect timeout (TCP, TLS and login) 5 s.
   */
  public static final class Builder {
    private final String host;
    private final int port;
    private boolean tls;
    private boolean verifyPeer = true;
    private Path trustedCertificates;
    private String user;
    private Secret password;
    private int database;
    private String keyPrefix = "tickguard:";
    private Duration commandTimeout = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(5);

    private Builder(String host, int port) {
      if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:\\-\\[\\]_]{1,253}")) {
        throw new InvalidRequestException("host", "host: give the Redis host name or address, such as 'redis.internal'");
      }
      if (port < 1 || port > 65_535) {
        throw new InvalidRequestException("port", "port: must be 1-65535, was " + port);
      }
      this.host = host;
      this.port = port;
    }

    /** Connects over TLS (Redis {@code tls-port}). */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /** Trusts the CA certificates in {@code pemFile} instead of the JDK's trust store. */
    public Builder trustedCertificates(Path pemFile) {
      Objects.requireNonNull(pemFile, "pemFile");
      if (!Files.isReadable(pemFile)) {
        throw new InvalidRequestException("trustedCertificates", "trustedCertificates: " + pemFile + " is not a readable PEM file");
      }
      this.trustedCertificates = pemFile;
      return this;
    }

    /**
     * Turns certificate and host-name verification off. Only for a test Redis with a throw-away
     * certificate: anyone on the path could read the tokens otherwise.
     */
    public Builder insecureSkipVerify() {
      this.verifyPeer = false;
      return this;
    }

    /** Authenticates as ACL user {@code user} (Redis 6+). */
    public Builder user(String user, Secret password) {
      if (user == null || !user.matches("[A-Za-z0-9_.@:\\-]{1,128}")) {
        throw new InvalidRequestException("user", "user: 1-128 of [A-Za-z0-9_.@:-], such as 'tickguard'");
      }
      this.user = user;
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Authenticates the default user with {@code password} ({@code requirepass}). */
    public Builder password(Secret password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The database number (default 0). */
    public Builder database(int database) {
      if (database < 0 || database > 65_535) {
        throw new InvalidRequestException("database", "database: must be 0-65535, was " + database);
      }
      this.database = database;
      return this;
    }

    /** The prefix of every key (default {@code tickguard:}); one per application sharing a Redis. */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = checkPrefix(prefix);
      return this;
    }

    /** How long one command may take (default 1 s); beyond it Redis counts as unreachable. */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /** How long connecting (TCP, TLS and login) may take (default 5 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Builds the settings. */
    public RedisSettings build() {
      return new RedisSettings(this);
    }
  }

  static String checkPrefix(String prefix) {
    if (prefix == null || !prefix.matches("[A-Za-z0-9_.:\\-]{0,64}") || prefix.contains("{") || prefix.contains("}")) {
      throw new InvalidRequestException("keyPrefix", "keyPrefix: 0-64 of [A-Za-z0-9_.:-], such as 'bot-eu:'");
    }
    return prefix;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new InvalidRequestException(name, name + ": must be positive, was " + d);
    }
    return d;
  }
}
