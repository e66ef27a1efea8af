package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.ConnectProxy;
import io.tickguard.testkit.Socks5Proxy;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code --proxy} and {@code --bind}: the embedded sandbox reached through the testkit's SOCKS5 and
 * HTTP CONNECT proxies with the password from the environment, never from the command line; a
 * refused or missing password is an error, never a direct connection; {@code doctor} shows the
 * effective egress.
 */
class EgressOptionsTest {
  private static final String PASSWORD = "cli-proxy-password-never-printed";
  private final CliHarness cli = new CliHarness();

  @Test
  void tickerThroughSocks5WithThePasswordFromTheEnvironment() throws IOException {
    try (Socks5Proxy proxy = Socks5Proxy.startWithCredentials("bot", PASSWORD, "127.0.0.1")) {
      cli.env.put(ProxyOption.PASSWORD_VARIABLE, PASSWORD);
      assertThat(cli.run("ticker", "BTC/USDT", "--proxy", "socks5://bot@127.0.0.1:" + proxy.port(), "--bind", "127.0.0.2"))
          .as(cli.err()).isZero();
      assertThat(cli.out()).contains("BTC");
      assertThat(proxy.requests()).isNotEmpty().allSatisfy(r -> {
        assertThat(r.outcome()).isEqualTo("tunnel");
        assertThat(r.user()).isEqualTo("bot");
        assertThat(r.client()).isEqualTo("127.0.0.2");
      });
      assertThat(cli.out() + cli.err()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void tickerThroughAnHttpConnectProxy() throws IOException {
    try (ConnectProxy proxy = ConnectProxy.startWithCredentials("bot", PASSWORD, "127.0.0.1")) {
      cli.env.put(ProxyOption.PASSWORD_VARIABLE, PASSWORD);
      assertThat(cli.run("ticker", "BTC/USDT", "--proxy", "http://bot@127.0.0.1:" + proxy.port())).as(cli.err()).isZero();
      assertThat(proxy.tunnels()).isNotEmpty().extracting(ConnectProxy.Tunnel::status).containsOnly(200);
    }
  }

  @Test
  void aWrongProxyPasswordFailsTheCallAndPrintsNoPassword() throws IOException {
    try (Socks5Proxy proxy = Socks5Proxy.startWithCredentials("bot", "the-real-one", "127.0.0.1")) {
      cli.env.put(ProxyOption.PASSWORD_VARIABLE, PASSWORD);
      assertThat(cli.run("ticker", "BTC/USDT", "--proxy", "socks5://bot@127.0.0.1:" + proxy.port()))
          .isEqualTo(ExitCodes.CALL_FAILED);
      assertThat(cli.err()).contains("refused the credentials of proxy user 'bot'").doesNotContain(PASSWORD);
      assertThat(proxy.requests()).extracting(Socks5Proxy.Request::outcome).containsOnly("bad-credentials");
    }
  }

  @Test
  void aPasswordOnTheCommandLineIsRefusedBeforeAnythingStarts() {
    assertThat(cli.run("ticker", "BTC/USDT", "--proxy", "socks5://bot:" + PASSWORD + "@127.0.0.1:1080"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("must not carry the password").contains(ProxyOption.PASSWORD_VARIABLE)
        .doesNotContain(PASSWORD);
    assertThat(cli.sandboxesStarted).hasValue(0);
  }

  @Test
  void aProxyUserWithoutPasswordVariableOrTerminalIsAConfigurationError() {
    assertThat(cli.run("ticker", "BTC/USDT", "--proxy", "socks5://bot@127.0.0.1:1080")).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(cli.err()).contains(ProxyOption.PASSWORD_VARIABLE + " is not set");
  }

  @Test
  void badProxyAndBindValuesAreUsageErrors() {
    assertThat(cli.run("ticker", "BTC/USDT", "--proxy", "ftp://127.0.0.1:21")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--proxy must be http://");
    assertThat(cli.run("ticker", "BTC/USDT", "--bind", "my-host.example")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("localAddress must be an IP literal");
    assertThat(cli.sandboxesStarted).hasValue(0);
  }

  @Test
  void doctorShowsTheEffectiveEgress() throws IOException {
    try (Socks5Proxy proxy = Socks5Proxy.start()) {
      cli.run("doctor", "--proxy", "socks5://127.0.0.1:" + proxy.port(), "--bind", "127.0.0.1");
      assertThat(cli.out()).contains("egress").contains("SOCKS5 proxy 127.0.0.1:" + proxy.port())
          .contains("local address 127.0.0.1").contains("no fallback to direct")
          .contains("doctor never connects around the proxy");
      assertThat(proxy.requests()).isNotEmpty();
    }
    assertThat(cli.run("doctor")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("direct, local address chosen by the OS");
  }

  @Test
  void helpSaysWhyThePasswordIsNeverAnArgument() {
    assertThat(cli.run("ticker", "--help")).isZero();
    assertThat(cli.out()).contains("--proxy=URL").contains("--bind=ADDRESS").contains(ProxyOption.PASSWORD_VARIABLE)
        .contains("shell history");
    assertThat(cli.run("fx", "quote", "--help")).isZero();
    assertThat(cli.out()).contains("--proxy=URL");
  }
}
