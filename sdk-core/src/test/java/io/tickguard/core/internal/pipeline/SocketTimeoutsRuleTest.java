package io.tickguard.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.security.Egress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Which clients may bound their calls without Okio's watchdog, and by how much a send may take.
 * The behaviour of the bounds themselves is in {@code io.tickguard.core.SocketTimeoutsTest}.
 */
class SocketTimeoutsRuleTest {
  private static ClientConfig.Builder config() {
    return ClientConfig.builder("https://api.example.com");
  }

  @Test
  void aDirectClientHandsItsBoundsOver() {
    assertThat(new SocketTimeouts(config().build()).handsOverOnHttp1()).isTrue();
  }

  @Test
  void aClientBehindAProxyKeepsOkHttpsTimeoutsBecauseItsConnectIsReadWithThem() {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.internal", 3128));
    assertThat(new SocketTimeouts(config().proxy(proxy).build()).handsOverOnHttp1()).isFalse();
    assertThat(new SocketTimeouts(config().egress(Egress.httpProxy("proxy.internal", 3128)).build()).handsOverOnHttp1())
        .isFalse();
    assertThat(new SocketTimeouts(config().egress(Egress.socks5("proxy.internal", 1080)).build()).handsOverOnHttp1())
        .isFalse();
  }

  @Test
  void theSendBoundIsTheWriteAndReadTimeoutsTogether() {
    SocketTimeouts timeouts = new SocketTimeouts(
        config().writeTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(7)).build());
    assertThat(timeouts.sendBound()).isEqualTo(Duration.ofSeconds(10));
  }
}
