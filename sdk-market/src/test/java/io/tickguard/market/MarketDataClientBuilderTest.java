package io.tickguard.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.tls.TlsConfig;
import io.tickguard.core.tls.TrustRoots;
import io.tickguard.market.internal.ClientCore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketDataClientBuilderTest {
  private static final String DEFAULT_URL = "https://api.example.com";
  private static final LimitPreset PRESET = new LimitPreset(
      "example-spot", List.of(RateLimit.fixedWindow("PUBLIC", 10, Duration.ofSeconds(1)).countingRequests()), List.of(),
      "https://example.com/limits");
  private static final Endpoint PING = Endpoint.builder("ping", HttpMethod.GET, "/ping").build();

  /** The smallest provider builder: HMAC keys only. */
  static final class ExampleBuilder extends MarketDataClientBuilder<ExampleBuilder> {
    @Override
    protected Set<KeyType> acceptedKeyTypes() {
      return Set.of(KeyType.HMAC);
    }

    @Override
    protected String providerName() {
      return "Example";
    }

    @Override
    protected ExampleBuilder self() {
      return this;
    }

    ClientConfig resolved() {
      return config(DEFAULT_URL);
    }

    ClientCore open() {
      ClientConfig config = resolved();
      return ClientCore.open("example", config, chosenThrottle(config), PRESET, futureTolerance(), api -> api);
    }

    RequestAuthenticator auth() {
      return resolveAuthenticator(c -> RequestAuthenticator.anonymous());
    }
  }

  private final HeldCertificate serverCertificate =
      new HeldCertificate.Builder().commonName("localhost").addSubjectAlternativeName("localhost").build();
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCertificate).build().sslSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientConfig pinnedTo(String pin) {
    return ClientConfig.builder(server.url("/").toString())
        .tls(TlsConfig.builder()
            .trustRoots(TrustRoots.only(List.of(serverCertificate.certificate())))
            .pin(server.url("/").host(), pin)
            .build())
        .build();
  }

  @Test
  void baseUrlAfterConfigKeepsThePinsSoAWrongPinStillRefuses() {
    String wrongPin = CertificatePinner.pin(new HeldCertificate.Builder().commonName("attacker").build().certificate());
    String otherUrl = server.url("/v2/").toString();
    ExampleBuilder builder = new ExampleBuilder().config(pinnedTo(wrongPin)).baseUrl(otherUrl);

    assertThat(builder.resolved().baseUrl().toString()).isEqualTo(otherUrl);
    assertThat(builder.resolved().tls().pins()).containsKey(server.url("/").host());
    try (ClientCore core = builder.open()) {
      assertThatThrownBy(() -> core.api().execute(PING.request().build(), r -> r.status()))
          .isInstanceOf(CertificatePinningException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void baseUrlBeforeConfigAlsoKeepsTheConfigAndMovesOnlyTheUrl() throws Exception {
    String rightPin = CertificatePinner.pin(serverCertificate.certificate());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build());
    String otherUrl = server.url("/v2/").toString();
    ExampleBuilder builder = new ExampleBuilder().baseUrl(otherUrl).config(pinnedTo(rightPin));

    // config(...) after baseUrl(...) sets everything, its URL included: the last call decides the URL.
    assertThat(builder.resolved().baseUrl().toString()).isEqualTo(server.url("/").toString());
    builder.baseUrl(otherUrl);
    try (ClientCore core = builder.open()) {
      int status = core.api().execute(PING.request().build(), r -> r.status());
      assertThat(status).isEqualTo(200);
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/ping");
  }

  @Test
  void baseUrlAloneStartsFromTheDefaults() {
    ExampleBuilder builder = new ExampleBuilder().baseUrl("https://testnet.example.com/");

    assertThat(builder.resolved().baseUrl().toString()).isEqualTo("https://testnet.example.com/");
    assertThat(new ExampleBuilder().resolved().baseUrl().toString()).isEqualTo(DEFAULT_URL + "/");
  }

  @Test
  void malformedBaseUrlIsRefusedAtOnceAndPlainHttpAtBuildNamingTheField() {
    assertThatThrownBy(() -> new ExampleBuilder().baseUrl("not a url"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
    // Plain HTTP depends on the config (loopback opt-in), so it is judged when the config is resolved.
    ExampleBuilder plain = new ExampleBuilder().baseUrl("http://api.example.com");
    assertThatThrownBy(plain::resolved)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
    ClientConfig loopbackAllowed = ClientConfig.builder("https://api.example.com").allowPlaintextLoopback(true).build();
    assertThat(new ExampleBuilder().config(loopbackAllowed).baseUrl("http://127.0.0.1:8080/").resolved().baseUrl().toString())
        .isEqualTo("http://127.0.0.1:8080/");
  }

  @Test
  void keyOfAKindTheProviderDoesNotAcceptIsRefusedNamingCredentialsAndTheAcceptedKinds() {
    ApiCredentials apiKeyOnly = ApiCredentials.apiKeyOnly("abcdefghijkl");

    assertThatThrownBy(() -> new ExampleBuilder().credentials(apiKeyOnly))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("credentials");
          assertThat(e.getMessage()).contains("Example", "HMAC", "NONE").doesNotContain("abcdefghijkl");
        });
    assertThatThrownBy(() -> new ExampleBuilder().credentials(CredentialsProvider.of(apiKeyOnly)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
  }

  @Test
  void acceptedKeyIsKeptAndCannotBeCombinedWithACustomAuthenticator() {
    ApiCredentials hmac = ApiCredentials.hmac("abcdefghijkl", Secret.of("c2VjcmV0".toCharArray()));
    ExampleBuilder builder = new ExampleBuilder().credentials(hmac);

    assertThat(builder.credentials()).hasValueSatisfying(p -> assertThat(p.current()).isSameAs(hmac));
    builder.authenticator(new RequestAuthenticator() {
      @Override
      public Set<io.tickguard.core.auth.Scope> grantedScopes() {
        return Set.of();
      }

      @Override
      public okhttp3.Request authenticate(okhttp3.Request request, io.tickguard.core.ApiRequest apiRequest) {
        return request;
      }
    });
    assertThatThrownBy(builder::auth).isInstanceOf(io.tickguard.core.InvalidRequestException.class).hasMessageContaining("not both");
  }

  @Test
  void withNoThrottleChosenTheProviderPresetApplies() {
    ExampleBuilder builder = new ExampleBuilder().config(ClientConfig.builder(DEFAULT_URL).build());

    assertThat(builder.chosenThrottle(builder.resolved())).isEmpty();
  }

  @Test
  void unlimitedChosenInsideTheConfigOptsOutOfThePreset() {
    ClientConfig unlimited = ClientConfig.builder(DEFAULT_URL).throttle(Throttle.unlimited()).build();
    ExampleBuilder builder = new ExampleBuilder().config(unlimited);

    assertThat(builder.chosenThrottle(builder.resolved())).containsSame(Throttle.unlimited());
    assertThat(builder.baseUrl("https://other.example.com").chosenThrottle(builder.resolved()))
        .containsSame(Throttle.unlimited());
  }

  @Test
  void throttleChosenOnTheBuilderWinsOverTheConfigs() {
    Throttle own = InProcessThrottle.builder(PRESET).build();
    ClientConfig unlimited = ClientConfig.builder(DEFAULT_URL).throttle(Throttle.unlimited()).build();
    ExampleBuilder builder = new ExampleBuilder().config(unlimited).throttle(own);

    assertThat(builder.chosenThrottle(builder.resolved())).containsSame(own);
  }
}
