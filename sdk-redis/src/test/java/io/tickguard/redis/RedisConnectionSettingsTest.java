package io.tickguard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.TransportException;
import io.tickguard.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a production connection needs: ACL user and password, TLS with a private CA, key prefixes. */
class RedisConnectionSettingsTest {
  static Secret secret(String s) {
    return Secret.ofBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAclUserLogsInAndAWrongPasswordIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
    Path acl = Files.writeString(dir.resolve("users.acl"), "user default off\nuser tickguard on >s3cret-pw ~* &* +@all\n");
    try (RedisProcess redis = RedisProcess.start("--aclfile", acl.toString())) {
      try (RedisBackend ok = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port())
          .user("tickguard", secret("s3cret-pw")).keyPrefix("bot-eu:").build())) {
        assertThat(ok.commands().ping()).isEqualTo("PONG");
        assertThat(ok.key("binance", "server")).isEqualTo("bot-eu:{binance}:server");
      }
      RedisSettings wrong = RedisSettings.builder("127.0.0.1", redis.port()).user("tickguard", secret("not-the-pw")).build();
      assertThat(wrong.toString()).doesNotContain("not-the-pw").contains("(redacted)");
      assertThatThrownBy(() -> RedisBackend.connect(wrong))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("127.0.0.1:" + redis.port())
          .hasMessageNotContaining("not-the-pw");
    }
  }

  @Test
  void tlsWithAPrivateCaConnectsAndVerifiesTheServer(@TempDir Path dir) throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test-ca").build();
    HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).commonName("redis")
        .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
    Path caPem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    Path certPem = Files.writeString(dir.resolve("redis.pem"), server.certificatePem());
    Path keyPem = Files.writeString(dir.resolve("redis.key"), server.privateKeyPkcs8Pem());
    HeldCertificate stranger = new HeldCertificate.Builder().certificateAuthority(0).commonName("other-ca").build();
    Path strangerPem = Files.writeString(dir.resolve("other.pem"), stranger.certificatePem());
    try (RedisProcess redis = RedisProcess.startTls(certPem, keyPem, caPem)) {
      try (RedisBackend ok = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port())
          .tls(true).trustedCertificates(caPem).build())) {
        assertThat(ok.commands().ping()).isEqualTo("PONG");
      }
      assertThatThrownBy(() -> RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port())
          .tls(true).trustedCertificates(strangerPem).build()))
          .as("a server certificate from another CA is refused").isInstanceOf(TransportException.class);
    }
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> RedisSettings.builder("127.0.0.1", 0)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("port");
    assertThatThrownBy(() -> RedisSettings.builder("127.0.0.1", 6379).keyPrefix("a{b}"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> RedisSettings.builder("127.0.0.1", 6379).user("bad user", secret("x")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("user");
    assertThatThrownBy(() -> RedisSettings.builder("bad host!", 6379)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("host");
  }
}
