package io.tickguard.crypto.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.FakeAuthenticator;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.MockApi;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code KrakenClient.webSocketToken()} against Kraken's documented GetWebSocketsToken answer. */
class KrakenWsTokenTest {
  private static final String DOCUMENTED_TOKEN = "1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw";

  private final MockApi server = new MockApi();
  private final KrakenClient signed = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
      .authenticator(new FakeAuthenticator()).build();

  @AfterEach
  void stop() {
    signed.close();
    server.close();
  }

  @Test
  void theDocumentedAnswerBecomesATokenValidFifteenMinutesThatNeverShowsItself() {
    server.json(200, Fixtures.json("kraken/websockets-token.json"));

    KrakenWsToken token = signed.webSocketToken();

    assertThat(token.token().contentEquals(Secret.of(DOCUMENTED_TOKEN.toCharArray()))).isTrue();
    assertThat(token.validFor()).isEqualTo(Duration.ofSeconds(900));
    assertThat(token.receivedAt()).isEqualTo(MockApi.NOW);
    assertThat(token.connectBy()).isEqualTo(MockApi.NOW.plusSeconds(900));
    assertThat(token.usableAt(MockApi.NOW.plusSeconds(839), Duration.ofSeconds(60))).isTrue();
    assertThat(token.usableAt(MockApi.NOW.plusSeconds(840), Duration.ofSeconds(60))).isFalse();
    assertThat(token.toString()).doesNotContain(DOCUMENTED_TOKEN).contains("redacted");
    RecordedRequest r = server.take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/0/private/GetWebSocketsToken");
    assertThat(r.getHeaders().get(FakeAuthenticator.HEADER)).isEqualTo("SIGNED");
  }

  @Test
  void aTokenThatIsNotKrakensBase64IsRefusedWithoutShowingIt() {
    String bad = "not a token\\\" , \\\"injected\\\": \\\"x";
    server.json(200, "{\"error\":[],\"result\":{\"token\":\"" + bad + "\",\"expires\":900}}");

    assertThatThrownBy(signed::webSocketToken).isInstanceOfSatisfying(InvalidResponseException.class, e -> {
      assertThat(e.field()).isEqualTo("result.token");
      assertThat(e.getMessage()).doesNotContain("not a token").doesNotContain("injected");
    });
  }

  @Test
  void anExpiryOutsideOneSecondToOneDayIsRefusedNamingTheField() {
    server.json(200, "{\"error\":[],\"result\":{\"token\":\"" + DOCUMENTED_TOKEN + "\",\"expires\":0}}");

    assertThatThrownBy(signed::webSocketToken).isInstanceOfSatisfying(InvalidResponseException.class,
        e -> assertThat(e.field()).isEqualTo("result.expires"));
  }

  @Test
  void withoutCredentialsTheTokenCallIsRefusedBeforeSending() {
    try (KrakenClient anonymous = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      assertThatThrownBy(anonymous::webSocketToken).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("credentials(...)");
      assertThat(server.requestCount()).isZero();
    }
  }
}
