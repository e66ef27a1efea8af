package io.tickguard.redis;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One real redis-server for all tests of a class ({@link RedisProcess}), a fresh {@link #name} per
 * test so tests never share keys, and the test's {@link #backends} closed after it.
 */
abstract class SharedRedisTest {
  static RedisProcess redis;

  final List<RedisBackend> backends = new ArrayList<>();
  String name;

  @BeforeAll
  static void startRedis() {
    redis = RedisProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void freshName() {
    name = "t" + System.nanoTime();
  }

  @AfterEach
  void closeBackends() {
    backends.forEach(RedisBackend::close);
  }
}
