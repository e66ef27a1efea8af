package io.tickguard.forex.insightease;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.ConversionLeg;
import io.tickguard.forex.ConversionPath;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.ForexMarketData;
import io.tickguard.forex.ForexValidators;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.forex.Rounding;
import io.tickguard.forex.insightease.internal.InsighteaseForexDecoders;
import io.tickguard.forex.insightease.internal.InsighteaseForexEndpoints;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.insightease.InsighteaseClientBuilder;
import io.tickguard.market.insightease.internal.InsighteaseTransport;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.market.insightease.internal.InsighteaseEnvelope;
import io.tickguard.market.internal.ClientCore;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.Requests;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Insightease forex prices over the TickGuard pipeline, with the same key ({@code api_key}, redacted
 * everywhere), envelope and monthly credit quota as the crypto client (shared through {@code
 * io.tickguard.market.insightease}: a key's forex and crypto calls spend the same credits).
 *
 * <pre>{@code
 * try (InsighteaseForexClient ie = InsighteaseForexClient.builder()
 *     .credentials(InsighteaseKeys.apiKey(Secret.fromEnv("INSIGHTEASE_KEY"))).build()) {
 *   Quote eurUsd = ie.quote(CurrencyPair.parse("EUR/USD"));
 *   Conversion c = ie.convert(new BigDecimal("200"), Currency.of("EUR"), Currency.of("USD"));
 * }
 * }</pre>
 *
 * <p>Insightease is a data vendor that never deals: every {@link Quote} is {@link
 * QuoteStatus#INDICATIVE}; without a plan that sends bid and ask, bid and ask are both the last
 * price. Conversions are the vendor's own ({@code converter}), reported as a direct path at the
 * rate it used, whatever route it took.
 */
public final class InsighteaseForexClient implements ForexMarketData {
  /** The production API, as the vendor's own client libraries call it. */
  public static final String DEFAULT_BASE_URL = "https://api.insightease.com";
  /** The most pairs one {@code latest} call asks for. */
  public static final int MAX_SYMBOLS = 1000;

  private final ClientCore core;
  private final ApiClient api;
  private final ForexValidators validators;
  private final InsighteaseEnvelope envelope;
  private final Clock clock;

  private InsighteaseForexClient(ClientCore core, InsighteaseEnvelope envelope, Duration maxQuoteAge, Clock clock) {
    this.core = core;
    this.api = core.api();
    this.validators = ForexValidators.of(core.timestamps(), maxQuoteAge);
    this.envelope = envelope;
    this.clock = clock;
  }

  /** Starts a builder for the production API; set the key with {@link Builder#credentials(ApiCredentials)}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Quote quote(CurrencyPair pair) {
    return quotes(pair).get(0);
  }

  /** The latest prices as quotes, one call for all pairs (one credit per 100 pairs). */
  @Override
  public List<Quote> quotes(CurrencyPair... pairs) {
    return latest(pairs).stream().map(this::toQuote).toList();
  }

  /** The latest prices with every field Insightease sends, in the order asked. */
  public List<InsighteaseForexTicker> latest(CurrencyPair... pairs) {
    if (pairs == null || pairs.length == 0) {
      throw new InvalidRequestException("pairs", "Ask for at least one pair");
    }
    List<CurrencyPair> asked = new ArrayList<>(pairs.length);
    for (CurrencyPair p : pairs) {
      if (p == null) {
        throw new InvalidRequestException("pairs[" + asked.size() + "]", "pairs[" + asked.size() + "] is required");
      }
      asked.add(p);
    }
    List<CurrencyPair> distinct = List.copyOf(new LinkedHashSet<>(asked));
    if (distinct.size() > MAX_SYMBOLS) {
      throw new InvalidRequestException("pairs", "At most " + MAX_SYMBOLS + " distinct pairs per call");
    }
    List<InsighteaseForexTicker> tickers = api.execute(
        InsighteaseForexEndpoints.LATEST.request()
            .query("symbol", distinct.stream().map(CurrencyPair::toString).collect(Collectors.joining(","))).build(),
        InsighteaseForexDecoders.latest(envelope, distinct));
    for (int i = 0; i < tickers.size(); i++) {
      core.timestamps().notFuture(tickers.get(i).time(), "response[" + i + "].t");
    }
    return asked.stream().map(p -> tickers.get(distinct.indexOf(p))).toList();
  }

  private Quote toQuote(InsighteaseForexTicker t) {
    BigDecimal bid = t.bid().orElse(t.close());
    BigDecimal ask = t.ask().orElse(t.close());
    Quote q = Models.build("response.", () -> new Quote(
        t.pair(), bid, ask, t.time(), QuoteStatus.INDICATIVE, t.pair().conventionalPipLocation(), false));
    return validators.flagStale(q);
  }

  /**
   * Candles starting in {@code [from, to]}, oldest first: the history of the UTC days {@code from}
   * to {@code to}, filtered to the window. Mid prices; the volume when Insightease sends one.
   */
  @Override
  public List<FxCandle> candles(CurrencyPair pair, Granularity granularity, Instant from, Instant to) {
    if (pair == null) {
      throw new InvalidRequestException("pair", "pair is required");
    }
    if (granularity == null) {
      throw new InvalidRequestException("granularity", "granularity is required");
    }
    Requests.window(from, to);
    String period = InsighteaseForexEndpoints.PERIODS.get(granularity);
    if (period == null) {
      throw new InvalidRequestException("granularity", "Insightease has no " + granularity + " candles; choose one of "
          + InsighteaseForexEndpoints.PERIODS.keySet());
    }
    List<FxCandle> all = api.execute(
        InsighteaseForexEndpoints.HISTORY.request().query("symbol", pair.toString()).query("period", period)
            .query("from", LocalDate.ofInstant(from, ZoneOffset.UTC).toString())
            .query("to", LocalDate.ofInstant(to, ZoneOffset.UTC).toString()).build(),
        InsighteaseForexDecoders.history(envelope, pair, granularity, clock.instant()));
    List<FxCandle> window = all.stream().filter(c -> !c.time().isBefore(from) && !c.time().isAfter(to)).toList();
    validators.candles(pair, granularity).validate(window);
    return window;
  }

  /** The currency pairs Insightease lists ({@code type=forex}), with its decimals; pips by convention. */
  @Override
  public List<FxInstrument> instruments() {
    return api.execute(InsighteaseForexEndpoints.LIST.request().query("type", "forex").build(),
        InsighteaseForexDecoders.list(envelope));
  }

  /**
   * Insightease's own conversion ({@code converter}, one credit): the rate it reports for one unit
   * of {@code from}, applied to {@code amount} and rounded as asked.
   */
  @Override
  public Conversion convert(BigDecimal amount, Currency from, Currency to, Rounding rounding) {
    if (amount == null || amount.signum() < 0) {
      throw new InvalidRequestException("amount", "amount must be zero or positive");
    }
    if (from == null || to == null || from.equals(to)) {
      throw new InvalidRequestException("to", "from and to must be two different currencies");
    }
    if (rounding == null) {
      throw new InvalidRequestException("rounding", "rounding is required");
    }
    Rounding stated;
    try {
      stated = rounding.resolvedFor(to);
    } catch (InvalidValueException e) {
      throw new InvalidRequestException(e.field(), e.reason());
    }
    ConversionLeg leg = api.execute(
        InsighteaseForexEndpoints.CONVERTER.request().query("pair1", from.code()).query("pair2", to.code())
            .query("amount", amount.toPlainString()).build(),
        InsighteaseForexDecoders.converter(envelope, from, to));
    core.timestamps().notFuture(leg.time(), "info.server_time");
    return Conversion.of(amount, ConversionPath.of(List.of(leg)), stated);
  }

  @Override
  public Executor asyncExecutor() {
    return core.async();
  }

  @Override
  public void close() {
    core.close();
  }

  /**
   * Builds an {@link InsighteaseForexClient}: the key with {@link #credentials(ApiCredentials)}
   * ({@link InsighteaseKeys#apiKey(Secret)}), the plan with {@link #monthlyCredits(long)}.
   */
  public static final class Builder extends InsighteaseClientBuilder<Builder> {
    private Duration maxQuoteAge = ForexValidators.DEFAULT_MAX_QUOTE_AGE;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** Quotes older than this when received are flagged {@link Quote#stale()} (default 30 s). */
    public Builder maxQuoteAge(Duration maxAge) {
      if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
        throw new InvalidRequestException("maxQuoteAge", "maxQuoteAge must be positive, was " + maxAge);
      }
      this.maxQuoteAge = maxAge;
      return this;
    }

    /**
     * Builds the client; it owns a connection pool and threads until closed.
     *
     * @throws InvalidRequestException on {@code credentials} when both credentials and a custom
     *     authenticator were given
     */
    public InsighteaseForexClient build() {
      ClientConfig config = config(DEFAULT_BASE_URL);
      InsighteaseTransport transport = InsighteaseTransport.open("insightease-forex", config, chosenThrottle(config),
          futureTolerance(), monthlyCredits(), credentials(), this::resolveAuthenticator,
          "Give the key with InsighteaseForexClient.builder().credentials(InsighteaseKeys.apiKey(secret)).");
      return new InsighteaseForexClient(transport.core(), transport.envelope(), maxQuoteAge, config.clock());
    }

    /** Shows the plan and whether a key is set; never the key. */
    @Override
    public String toString() {
      return describe("InsighteaseForexClient");
    }
  }
}
