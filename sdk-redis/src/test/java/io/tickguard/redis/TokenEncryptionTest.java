package io.tickguard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.TransportException;
import io.tickguard.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tokens at rest in Redis: AES-GCM under the user's key, key id beside the ciphertext, rotation. */
class TokenEncryptionTest extends SharedRedisTest {

  RedisBackend backend() {
    RedisBackend b = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port()).build());
    backends.add(b);
    return b;
  }

  static Secret key(int seed) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) seed);
    return Secret.ofBytes(bytes);
  }

  static Secret text(String s) {
    return Secret.ofBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  RedisTokenSession session(RedisBackend backend, String sessionName, TokenEncryption keys) {
    return RedisTokenSession.builder(backend, sessionName, keys).build();
  }

  @Test
  void aStoredRefreshTokenIsCiphertextUnderTheCurrentKeyId() {
    RedisBackend backend = backend();
    RedisTokenSession s = session(backend, name, TokenEncryption.builder().currentKey("k1", key(1)).build());
    s.save(text("refresh-abc-123"));
    String raw = backend.commands().hget(backend.key(name, "token"), "refresh");
    assertThat(raw).startsWith("v1:k1:").doesNotContain("refresh-abc-123");
    assertThat(new String(s.refreshToken().orElseThrow().chars())).isEqualTo("refresh-abc-123");
    assertThat(s.toString()).doesNotContain("refresh-abc");
  }

  @Test
  void keysRotateReadingOldValuesAndRewritingThemUnderTheNewKey() {
    RedisBackend backend = backend();
    session(backend, name, TokenEncryption.builder().currentKey("k1", key(1)).build()).save(text("rt-1"));
    RedisTokenSession rotated = session(backend, name,
        TokenEncryption.builder().currentKey("k2", key(2)).previousKey("k1", key(1)).build());
    assertThat(new String(rotated.refreshToken().orElseThrow().chars())).isEqualTo("rt-1");
    assertThat(rotated.reencrypt()).isEqualTo(1);
    assertThat(backend.commands().hget(backend.key(name, "token"), "refresh")).startsWith("v1:k2:");
    assertThat(rotated.reencrypt()).isZero();
    RedisTokenSession retired = session(backend, name, TokenEncryption.builder().currentKey("k1", key(1)).build());
    assertThatThrownBy(retired::refreshToken).isInstanceOf(AuthenticationException.class).hasMessageContaining("'k2'");
  }

  @Test
  void aWrongKeyATamperedValueOrAValueMovedFromAnotherSessionIsRefused() {
    RedisBackend backend = backend();
    session(backend, name, TokenEncryption.builder().currentKey("k1", key(1)).build()).save(text("rt-1"));
    String tokenKey = backend.key(name, "token");
    String raw = backend.commands().hget(tokenKey, "refresh");

    RedisTokenSession wrongKey = session(backend, name, TokenEncryption.builder().currentKey("k1", key(9)).build());
    assertThatThrownBy(wrongKey::refreshToken).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("fails authentication");

    char[] chars = raw.toCharArray();
    int last = chars.length - 3;
    chars[last] = chars[last] == 'A' ? 'B' : 'A';
    backend.commands().hset(tokenKey, "refresh", new String(chars));
    RedisTokenSession right = session(backend, name, TokenEncryption.builder().currentKey("k1", key(1)).build());
    assertThatThrownBy(right::refreshToken).isInstanceOf(AuthenticationException.class);

    String other = name + "-other";
    backend.commands().hset(backend.key(other, "token"), "refresh", raw);
    RedisTokenSession moved = session(backend, other, TokenEncryption.builder().currentKey("k1", key(1)).build());
    assertThatThrownBy(moved::refreshToken).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void keysOfTheWrongLengthOrWithoutACurrentKeyAreRefused() {
    assertThatThrownBy(() -> TokenEncryption.builder().currentKey("k1", text("short")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("32 raw bytes");
    assertThatThrownBy(() -> TokenEncryption.builder().previousKey("k1", key(1)).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("currentKey");
    assertThatThrownBy(() -> TokenEncryption.builder().currentKey("k 1", key(1)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("keyId");
  }

  @Test
  void theSessionFailsClosedWhileRedisIsDown() {
    try (RedisProcess own = RedisProcess.start()) {
      RedisBackend backend = RedisBackend.connect(RedisSettings.builder("127.0.0.1", own.port()).build());
      backends.add(backend);
      RedisTokenSession s = session(backend, name, TokenEncryption.builder().currentKey("k1", key(1)).build());
      s.save(text("rt-1"));
      own.stop();
      assertThatThrownBy(s::refreshToken).isInstanceOf(TransportException.class)
          .hasMessageContaining("no instance refreshes alone");
      assertThatThrownBy(() -> s.obtain(java.util.Optional.empty(), () -> {
        throw new AssertionError("must not refresh while Redis is down");
      })).isInstanceOf(TransportException.class);
    }
  }
}
