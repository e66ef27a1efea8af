package io.tickguard.examples.snippets;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import io.tickguard.redis.Degradation;
import io.tickguard.redis.RedisBackend;
import io.tickguard.redis.RedisSettings;
import io.tickguard.redis.RedisThrottle;
import io.tickguard.redis.RedisTokenSession;
import io.tickguard.redis.TokenEncryption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The code of docs/distributed.md, compiled (not run: it needs a Redis). */
@SuppressWarnings("unused")
final class DistributedSnippets {
  private DistributedSnippets() {}

  static RedisBackend connect() {
    // tag::connect[]
    RedisBackend redis = RedisBackend.connect(RedisSettings.builder("redis.internal", 6380)
        .tls(true)                                         // with trustedCertificates(pem) for a private CA
        .user("tickguard", Secret.fromEnv("REDIS_PASSWORD"))   // ACL user (Redis 6+), or password(...)
        .keyPrefix("bot-eu:")                              // one prefix per application sharing a Redis
        .commandTimeout(Duration.ofMillis(500))            // beyond it Redis counts as unreachable
        .build());
    // end::connect[]
    return redis;
  }

  static ClientConfig throttle(RedisBackend redis, LimitPreset preset, Clock serverCorrectedClock, String baseUrl) {
    // tag::throttle[]
    Throttle throttle = RedisThrottle.builder(redis, preset)
        .clock(serverCorrectedClock)
        .degradation(Degradation.fallbackToInProcess(0.25))   // default: Degradation.failClosed()
        .build();
    ClientConfig config = ClientConfig.builder(baseUrl).throttle(throttle).build();
    // end::throttle[]
    return config;
  }

  static TokenManager tokens(RedisBackend redis, TokenEndpointClient endpoint) {
    // tag::token-session[]
    TokenEncryption keys = TokenEncryption.builder()
        .currentKey("2026-11", Secret.fromEnv("TOKEN_KEY_2026_11"))   // 16, 24 or 32 raw bytes
        .build();
    RedisTokenSession session = RedisTokenSession.builder(redis, "saxo-live", keys).build();
    TokenManager tokens = session.attach(TokenManager.builder(endpoint)).build();
    // end::token-session[]
    return tokens;
  }

  static void sentinelAndCluster(char[] password) {
    // tag::sentinel-cluster[]
    RedisURI sentinel = RedisURI.Builder.sentinel("sentinel-1", 26379, "mymaster")
        .withSentinel("sentinel-2", 26379).withSsl(true).withAuthentication("tickguard", password).build();
    RedisClient client = RedisClient.create(sentinel);
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(500))).build());
    RedisBackend redis = RedisBackend.wrap(client.connect(), "bot-eu:");

    RedisClusterClient cluster = RedisClusterClient.create(List.of(RedisURI.create("rediss://node-1:6379")));
    RedisBackend onCluster = RedisBackend.wrap(cluster.connect(), "bot-eu:");
    // end::sentinel-cluster[]
  }
}
