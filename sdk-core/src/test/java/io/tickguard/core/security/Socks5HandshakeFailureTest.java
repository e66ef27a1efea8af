package io.tickguard.core.security;

import static io.tickguard.core.security.ScriptedSocks5Server.Phase.AUTH;
import static io.tickguard.core.security.ScriptedSocks5Server.Phase.CONNECT;
import static io.tickguard.core.security.ScriptedSocks5Server.Phase.GREETING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.security.ScriptedSocks5Server.Step;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A SOCKS5 proxy that answers wrongly, truncates, or stops answering: each case is an {@link
 * EgressException} naming what went wrong, within the client's connect timeout (a stalled proxy
 * costs one connect timeout, never a hang), with zero requests at the target and the proxy password
 * nowhere in the exception.
 */
class Socks5HandshakeFailureTest {
  private static final String PASSWORD = "socks-pass-never-printed";
  private static final byte[] OK_CONNECT = {5, 0, 0, 1, 127, 0, 0, 1, 0, 80};

  private static Step step(ScriptedSocks5Server.Phase phase, int... reply) {
    byte[] bytes = new byte[reply.length];
    for (int i = 0; i < reply.length; i++) {
      bytes[i] = (byte) reply[i];
    }
    return new Step(phase, bytes);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("greeting answered by SOCKS4", false, List.of(step(GREETING, 4, 2)), "protocol version 4, not 5"),
        Arguments.of("greeting truncated, then closed", false, List.of(step(GREETING, 5)), "closed the connection"),
        Arguments.of("no greeting answer at all", false, List.<Step>of(), "closed the connection"),
        Arguments.of("greeting truncated, then silent", true, List.of(step(GREETING, 5)), "within the connect timeout"),
        Arguments.of("no acceptable method", false, List.of(step(GREETING, 5, 0xFF)), "accepts none of the offered"),
        Arguments.of("method not offered (no auth)", false, List.of(step(GREETING, 5, 0)), "method 0, which was not offered"),
        Arguments.of("method not offered (GSSAPI)", false, List.of(step(GREETING, 5, 1)), "method 1, which was not offered"),
        Arguments.of("auth reply wrong version", false, List.of(step(GREETING, 5, 2), step(AUTH, 5, 0)), "version 5, not 1"),
        Arguments.of("credentials refused", false, List.of(step(GREETING, 5, 2), step(AUTH, 1, 1)), "refused the credentials of proxy user 'bot'"),
        Arguments.of("auth reply truncated", false, List.of(step(GREETING, 5, 2), step(AUTH, 1)), "closed the connection"),
        Arguments.of("connect refused by rules", false, List.of(step(GREETING, 5, 2), step(AUTH, 1, 0), step(CONNECT, 5, 2, 0, 1, 0, 0, 0, 0, 0, 0)),
            "connection not allowed by the proxy's rules"),
        Arguments.of("connect reply wrong version", false, List.of(step(GREETING, 5, 2), step(AUTH, 1, 0), step(CONNECT, 4, 0, 0, 1)),
            "answered the CONNECT with protocol version 4"),
        Arguments.of("connect reply unknown address type", false, List.of(step(GREETING, 5, 2), step(AUTH, 1, 0), step(CONNECT, 5, 0, 0, 9)),
            "unknown address type 9"),
        Arguments.of("connect reply truncated", false, List.of(step(GREETING, 5, 2), step(AUTH, 1, 0), step(CONNECT, 5, 0, 0, 1, 127)),
            "closed the connection"),
        Arguments.of("connect reply silent", true, List.of(step(GREETING, 5, 2), step(AUTH, 1, 0)), "within the connect timeout"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedProxyReplyIsATypedEgressErrorAndNothingReachesTheTarget(
      String scenario, boolean stall, List<Step> script, String expected) throws Exception {
    try (MockWebServer target = new MockWebServer(); ScriptedSocks5Server proxy = new ScriptedSocks5Server(script, stall)) {
      target.start(InetAddress.getByName("127.0.0.1"), 0);
      Egress egress = Egress.socks5("127.0.0.1", proxy.port()).withProxyCredentials("bot", Secret.of(PASSWORD.toCharArray()));
      ClientConfig config = ClientConfig.builder(target.url("/").toString()).allowPlaintextLoopback(true)
          .egress(egress).connectTimeout(Duration.ofMillis(400)).resilience(ResiliencePolicy.none()).build();
      try (ApiClient client = ApiClient.builder(config).build()) {
        Endpoint ping = Endpoint.builder("ping", HttpMethod.GET, "/ping").build();
        assertThatThrownBy(() -> client.execute(ping.request().build(), r -> r.bodyText()))
            .isInstanceOfSatisfying(EgressException.class, e -> {
              assertThat(e.getMessage()).as(scenario).contains("SOCKS5 proxy 127.0.0.1:" + proxy.port()).contains(expected);
              assertThat(fullText(e)).doesNotContain(PASSWORD);
            });
      }
      assertThat(target.getRequestCount()).isZero();
      String sent = new String(proxy.received(), StandardCharsets.ISO_8859_1);
      if (script.size() >= 2) {
        assertThat(sent).as("RFC 1929 carried the password to the proxy, and only there").contains(PASSWORD);
      }
    }
  }

  private static String fullText(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
