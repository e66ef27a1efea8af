package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.market.insightease.InsighteaseKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.Request;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that echoes the API key back (inside a 200, in a body Jackson cannot parse, JSON-escaped
 * the way PHP writes strings, in a code field) never gets it into an exception: not its message,
 * its details, its causes or its printed stack trace.
 */
class EchoedKeyScrubTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  static final String KEY = "HostileEchoKey0123456789abcdef";
  static final String SLASHED_KEY = "Hostile/Echo+Key/0123456789";
  static final String SECRET = Base64.getEncoder().encodeToString("kraken-hostile-secret".getBytes(StandardCharsets.UTF_8));

  private MockApi server;

  @BeforeEach
  void start() {
    server = new MockApi();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static void assertNoTrace(Throwable e, String key) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(key);
    assertThat(String.valueOf(e.getMessage())).doesNotContain(key);
    if (e instanceof TickGuardException t) {
      assertThat(t.details().summary()).doesNotContain(key);
      assertThat(t.providerCode().orElse("")).doesNotContain(key);
      assertThat(t.details().providerMessage().orElse("")).doesNotContain(key);
    }
  }

  private static <T extends Throwable> void refusedWithoutKey(ThrowingCallable call, Class<T> type, String key) {
    assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> assertNoTrace(e, key));
  }

  /** Binance signs on its own clock: answer the three server-time samples a signed call takes first. */
  private void binanceClockSynced() {
    for (int i = 0; i < 3; i++) {
      server.json(200, "{\"serverTime\":" + MockApi.NOW.toEpochMilli() + "}");
    }
  }

  private KrakenClient kraken(String key) {
    return KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac(key, Secret.of(SECRET.toCharArray()))).build();
  }

  @Test
  void krakenInvalidKeyInsideA200DoesNotQuoteTheKey() {
    try (KrakenClient c = kraken(KEY)) {
      server.json(200, "{\"error\":[\"EAPI:Invalid key " + KEY + "\"],\"result\":{}}");
      refusedWithoutKey(c::balances, AuthenticationException.class, KEY);
    }
  }

  @Test
  void krakenInvalidKeyInsideA200WrittenJsonEscapedDoesNotQuoteTheKey() {
    String escaped = SLASHED_KEY.replace("/", "\\/");
    try (KrakenClient c = kraken(SLASHED_KEY)) {
      server.json(200, "{\"error\":[\"EAPI:Invalid key " + escaped + "\"],\"result\":{}}");
      refusedWithoutKey(c::balances, AuthenticationException.class, SLASHED_KEY);
    }
  }

  @Test
  void krakenBodyThatIsTheBareKeyDoesNotReachJacksonsUnrecognizedTokenMessage() {
    try (KrakenClient c = kraken(KEY)) {
      server.json(200, KEY);
      refusedWithoutKey(c::balances, InvalidResponseException.class, KEY);
    }
  }

  @Test
  void krakenStreamedAnswerThatIsTheBareKeyDoesNotQuoteIt() {
    try (KrakenClient c = kraken(KEY)) {
      server.json(200, "{\"error\":[],\"result\":" + KEY + "}");
      // public call: no key sent, so nothing to scrub; the private one below is what matters
      assertThatThrownBy(() -> c.orderBook(BTC_USD, 10)).isInstanceOf(InvalidResponseException.class);
      server.json(200, "{\"error\":[],\"result\":{\"XXBT\":" + KEY + "}}");
      refusedWithoutKey(c::balances, InvalidResponseException.class, KEY);
    }
  }

  @Test
  void binance4xxEchoingTheKeyUnicodeEscapedDoesNotQuoteIt() {
    StringBuilder escaped = new StringBuilder();
    KEY.chars().forEach(ch -> escaped.append(String.format("\\u%04x", ch)));
    try (BinanceClient c = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac(KEY, Secret.of("binance-hostile-secret".toCharArray()))).build()) {
      binanceClockSynced();
      server.json(401, "{\"code\":-2014,\"msg\":\"API-key format invalid: " + escaped + "\"}");
      refusedWithoutKey(c::balances, TickGuardException.class, KEY);
    }
  }

  @Test
  void binance4xxEchoingTheKeyWithEscapedSlashesDoesNotQuoteIt() {
    try (BinanceClient c = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac(SLASHED_KEY, Secret.of("binance-hostile-secret".toCharArray()))).build()) {
      binanceClockSynced();
      server.json(400, "{\"code\":-2014,\"msg\":\"Bad key " + SLASHED_KEY.replace("/", "\\/") + "\"}");
      refusedWithoutKey(c::balances, TickGuardException.class, SLASHED_KEY);
    }
  }

  @Test
  void binance200WhoseBodyIsTheKeyDoesNotQuoteIt() {
    try (BinanceClient c = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac(KEY, Secret.of("binance-hostile-secret".toCharArray()))).build()) {
      binanceClockSynced();
      server.json(200, "{\"balances\":" + KEY + "}");
      refusedWithoutKey(c::balances, InvalidResponseException.class, KEY);
    }
  }

  private InsighteaseClient insightease() {
    return InsighteaseClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(InsighteaseKeys.apiKey(KEY)).build();
  }

  @Test
  void insighteaseCodeFieldEchoingTheKeyInsideA200IsScrubbed() {
    try (InsighteaseClient c = insightease()) {
      server.json(200, "{\"status\":false,\"code\":\"" + KEY + "\",\"msg\":\"refused\",\"response\":null}");
      refusedWithoutKey(() -> c.ticker(BTC_USD), TickGuardException.class, KEY);
    }
  }

  @Test
  void insighteaseSymbolErrorEchoingTheKeyEscapedIsScrubbed() {
    StringBuilder escaped = new StringBuilder();
    KEY.chars().forEach(ch -> escaped.append(String.format("\\u%04X", ch)));
    try (InsighteaseClient c = insightease()) {
      server.json(200, "{\"status\":false,\"code\":113,\"msg\":\"Symbol not found for key " + escaped
          + "\",\"response\":null}");
      refusedWithoutKey(() -> c.ticker(BTC_USD), InvalidRequestException.class, KEY);
    }
  }

  @Test
  void insighteaseCodeFieldEchoingTheKeyInA4xxIsScrubbed() {
    try (InsighteaseClient c = insightease()) {
      server.json(403, "{\"status\":false,\"code\":\"" + KEY + "\",\"msg\":\"Invalid access key\"}");
      refusedWithoutKey(() -> c.ticker(BTC_USD), AuthenticationException.class, KEY);
    }
  }

  /** Sends a bearer token the way OAuth and JWT providers do. */
  static final class BearerToken implements RequestAuthenticator {
    static final String TOKEN = "opaqueHostileToken0123456789";

    @Override
    public Set<Scope> grantedScopes() {
      return EnumSet.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    }

    @Override
    public Request authenticate(Request request, ApiRequest apiRequest) {
      return request.newBuilder().header("Authorization", "Bearer " + TOKEN).build();
    }
  }

  @Test
  void coinbase401EchoingTheBearerTokenEscapedDoesNotQuoteIt() {
    StringBuilder escaped = new StringBuilder();
    BearerToken.TOKEN.chars().forEach(ch -> escaped.append(String.format("\\u%04x", ch)));
    try (CoinbaseClient c = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .authenticator(new BearerToken()).build()) {
      server.json(401, "{\"error\":\"UNAUTHENTICATED\",\"message\":\"bad token " + escaped + "\"}");
      refusedWithoutKey(c::balances, TickGuardException.class, BearerToken.TOKEN);
    }
  }

  @Test
  void coinbase200WhoseBodyIsTheTokenDoesNotQuoteIt() {
    try (CoinbaseClient c = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .authenticator(new BearerToken()).build()) {
      server.json(200, BearerToken.TOKEN);
      refusedWithoutKey(c::balances, InvalidResponseException.class, BearerToken.TOKEN);
    }
  }
}
