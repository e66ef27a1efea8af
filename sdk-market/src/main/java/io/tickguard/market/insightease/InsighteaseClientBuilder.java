package io.tickguard.market.insightease;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.KeyType;
import io.tickguard.market.MarketDataClientBuilder;
import java.util.Set;

/**
 * What the crypto and the forex Insightease builders share: one key scheme (an API key alone, no
 * signing secret) and one credit quota per plan, which the default throttle budgets. Each domain's
 * builder adds its own settings and {@code build()}.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class InsighteaseClientBuilder<B extends InsighteaseClientBuilder<B>> extends MarketDataClientBuilder<B> {
  private long monthlyCredits = InsighteaseLimits.BASIC_MONTHLY_CREDITS;

  /** For the domain modules' builders. */
  protected InsighteaseClientBuilder() {}

  /** Insightease keys are API keys alone ({@link InsighteaseKeys#apiKey}), with no signing secret. */
  @Override
  protected final Set<KeyType> acceptedKeyTypes() {
    return Set.of(KeyType.NONE);
  }

  @Override
  protected final String providerName() {
    return "Insightease";
  }

  /**
   * The plan's monthly credits, which the default throttle budgets ({@link
   * InsighteaseLimits#BASIC_MONTHLY_CREDITS} by default, the Basic plan). Ignored when a throttle
   * is given.
   *
   * @throws InvalidRequestException on {@code monthlyCredits} when not positive
   */
  public final B monthlyCredits(long monthlyCredits) {
    if (monthlyCredits <= 0) {
      throw new InvalidRequestException("monthlyCredits", "monthlyCredits must be positive: " + monthlyCredits);
    }
    this.monthlyCredits = monthlyCredits;
    return self();
  }

  /** The plan's monthly credits chosen (or the Basic plan's). */
  protected final long monthlyCredits() {
    return monthlyCredits;
  }

  /** {@code Name.Builder[api_key=abc...(redacted), monthlyCredits=n]}: whether a key is set, never the key. */
  protected final String describe(String name) {
    return name + ".Builder[" + credentials().map(c -> "api_key=" + c.current().redactedApiKey()).orElse("no api key")
        + ", monthlyCredits=" + monthlyCredits + "]";
  }
}
