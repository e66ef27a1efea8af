package io.tickguard.redis.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One Lua script from this package's resources, run with {@code EVALSHA} so only its digest travels
 * per call. A Redis that restarted (or a Cluster node that never saw it) answers {@code NOSCRIPT};
 * the script is then loaded and run again, once.
 */
public final class LuaScript {
  private final String name;
  private final String body;
  private volatile String sha;

  private LuaScript(String name, String body) {
    this.name = name;
    this.body = body;
  }

  /** Reads {@code name}.lua from this package. */
  public static LuaScript load(String name) {
    String resource = name + ".lua";
    try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Lua script " + resource + " missing from the tickguard-redis jar");
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Lua script " + resource, e);
    }
  }

  /** Runs the script; Redis errors propagate as Lettuce's {@code RedisException}s. */
  public <T> T run(RedisClusterCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    Objects.requireNonNull(redis, "redis");
    String digest = sha;
    if (digest == null) {
      digest = reload(redis);
    }
    try {
      return redis.evalsha(digest, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.evalsha(reload(redis), type, keys, args);
    }
  }

  private String reload(RedisClusterCommands<String, String> redis) {
    String digest = redis.scriptLoad(body);
    sha = digest;
    return digest;
  }

  @Override
  public String toString() {
    return "LuaScript{" + name + "}";
  }
}
