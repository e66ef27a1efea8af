package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TransportException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.testing.LogCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint under a hostile or broken server: the same guarantees as an API call. */
class HostileTokenEndpointTest {
  MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  TokenEndpointClient endpoint() {
    return TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "bot")
        .clientSecret(Secret.ofBytes("s".getBytes(StandardCharsets.UTF_8))).allowPlaintextLoopback(true).build();
  }

  static MockResponse token(String accessToken) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":60,"
            + "\"refresh_token\":\"r2\"}").build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc\\r\\nX-Evil: 1", "abc\\ndef", "t\\u00f6ken", "two words", "tab\\there"})
  void anAccessTokenNoAuthorizationHeaderCanCarryIsRefusedNamingTheField(String jsonEscaped) {
    server.enqueue(token(jsonEscaped));
    assertThatThrownBy(() -> endpoint().clientCredentials())
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("access_token"))
        .hasMessageNotContaining("abc");
  }

  @Test
  void aRefreshWhoseConnectionDropsAfterSendingIsNeverResent() {
    server.enqueue(token("first")); // leaves a pooled connection that has served once
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(token("resent"));
    TokenEndpointClient endpoint = endpoint();
    endpoint.clientCredentials();
    assertThatThrownBy(() -> endpoint.refresh(Secret.ofBytes("r1".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRedirectFromTheTokenEndpointIsNotFollowed() {
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", server.url("/elsewhere").toString()).build());
    server.enqueue(token("followed"));
    assertThatThrownBy(() -> endpoint().clientCredentials()).isInstanceOf(io.tickguard.core.TickGuardException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPlainHttpTokenUrlIsRefusedUnlessLoopbackWasOptedInto() {
    assertThatThrownBy(() -> TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "bot").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("tokenUrl"));
    assertThatThrownBy(() -> TokenEndpointClient.builder(new OkHttpClient(), HttpUrl.get("http://auth.example.com/token"), "bot")
        .allowPlaintextLoopback(true).build())
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void everyTokenRequestWritesOneAuditLineWithoutTheToken() {
    server.enqueue(token("sekrit-token-value"));
    try (LogCapture logs = new LogCapture()) {
      endpoint().clientCredentials();
      assertThat(logs.events()).filteredOn(e -> e.getLoggerName().equals("io.tickguard.audit"))
          .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("oauth_token").contains("200"));
      assertThat(logs.text()).doesNotContain("sekrit");
    }
  }
}
