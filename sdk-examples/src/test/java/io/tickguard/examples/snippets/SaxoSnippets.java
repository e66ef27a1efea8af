package io.tickguard.examples.snippets;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.token.FileTokenStore;
import io.tickguard.core.token.PkceLogin;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenGrant;
import io.tickguard.core.token.TokenManager;
import io.tickguard.core.stream.StreamClosedException;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.forex.saxo.SaxoClient;
import io.tickguard.forex.saxo.SaxoUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The Saxo and PKCE snippets of docs/streaming.md, providers.md and authentication.md, compiled; SnippetsTest keeps them equal. */
@SuppressWarnings("unused")
final class SaxoSnippets {
  private SaxoSnippets() {}

  static void stream(SaxoClient saxo, Map<CurrencyPair, Quote> latest) {
    // tag::saxo-stream[]
    List<CurrencyPair> pairs = List.of(CurrencyPair.of("EUR", "USD"));
    QuoteStreamOptions options = QuoteStreamOptions.defaults().withBuffer(1024, Backpressure.DROP_OLDEST);
    try (QuoteStream prices = saxo.streamQuotes(pairs, options)) {
      while (true) {
        Optional<QuoteEvent> event = prices.poll(Duration.ofSeconds(30));
        if (event.isPresent() && event.get() instanceof QuoteEvent.Price p) {
          latest.put(p.quote().pair(), p.quote());
        } else if (event.isPresent()) { // QuoteEvent.Gap: quotes changed while the stream was away
          saxo.quotes(pairs.toArray(new CurrencyPair[0])).forEach(q -> latest.put(q.pair(), q));
        }
      }
    } catch (StreamClosedException ended) {
      // closed, or given up on: QuoteStream.failure() said why
    }
    // end::saxo-stream[]
  }

  static void client(Instant from, Instant to) throws Exception {
    // tag::saxo-client[]
    try (SaxoClient saxo = SaxoClient.builder()
            .appKey("my-app-key")                                  // a native app from Saxo's developer portal
            .urls(SaxoUrls.simulation())                          // or SaxoUrls.live()
            .tokenStore(new FileTokenStore(Path.of(System.getProperty("user.home"), ".myapp", "saxo.token")))
            .build()) {
      if (!saxo.hasSession()) {
        saxo.login(uri -> System.out.println("Log in at " + uri)); // once; later runs resume
      }
      Quote eurusd = saxo.quote(CurrencyPair.of("EUR", "USD"));
      List<FxCandle> hour = saxo.candles(CurrencyPair.of("EUR", "USD"), Granularity.M1, from, to);
    }
    // end::saxo-client[]
  }

  static void pkce(OkHttpClient secureOkHttp, HttpUrl tokenUrl, HttpUrl authorizeUrl, StreamSession<?> session) throws Exception {
    // tag::pkce-login[]
    TokenEndpointClient endpoint = TokenEndpointClient.builder(secureOkHttp, tokenUrl, "app-key").build(); // public client
    TokenManager tokens = TokenManager.builder(endpoint)
        .store(new FileTokenStore(Path.of("refresh.token")))
        .refreshTokenRequired(true)                          // never fall back to client_credentials
        .build();
    TokenGrant grant = PkceLogin.builder(endpoint, authorizeUrl).build()
        .login(uri -> System.out.println("Log in at " + uri)); // AuthorizationBrowser: the caller's hook
    tokens.accept(grant);                                  // stores the refresh token, then uses the access token
    AutoCloseable registration = tokens.addListener(t -> session.reauthorize()); // TokenListener, a StreamSession
    // end::pkce-login[]
  }
}
