package io.tickguard.market.insightease;

import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import java.time.Duration;
import java.util.List;

/**
 * Insightease's one credit quota, which its crypto and forex endpoints share: a key's calls to either
 * count against the same monthly credits, so both clients budget them with this preset.
 */
public final class InsighteaseLimits {
  /** The limit group every Insightease endpoint counts against. */
  public static final String CREDITS = "CREDITS";

  /** Credits a month of Insightease's Basic plan ("In Basic Plan user allow to request ... 10,000 times in 1 month"). */
  public static final long BASIC_MONTHLY_CREDITS = 10_000;

  /** Records billed per credit by the per-record endpoints (latest prices, history). */
  public static final int RECORDS_PER_CREDIT = 100;

  private InsighteaseLimits() {}

  /**
   * Insightease's monthly credit quota: {@code CREDITS}, {@code monthlyCredits} per 30-day window,
   * charging each request's weight (its credit cost: 1 per request, or 1 per 100 records on the
   * endpoints billed by records, such as latest prices). Pass your plan's monthly credits ({@link
   * #BASIC_MONTHLY_CREDITS} for Basic). Insightease refreshes credits on the billing date, which this
   * epoch-aligned 30-day window cannot know: it keeps one process from spending more than a month's
   * credits in one window, it does not mirror the vendor's ledger. Insightease publishes no
   * per-second limit.
   *
   * <p>Source: <a href="https://insightease.com/docs/forex-api">Insight Ease Forex API
   * Documentation</a>, "API Request Credit Usage".
   *
   * @throws io.tickguard.core.InvalidRequestException on {@code monthlyCredits} when it is not positive
   */
  public static LimitPreset credits(long monthlyCredits) {
    if (monthlyCredits <= 0) {
      throw new io.tickguard.core.InvalidRequestException("monthlyCredits", "monthlyCredits must be positive: " + monthlyCredits);
    }
    return new LimitPreset(
        "insightease-" + monthlyCredits + "-credits",
        List.of(RateLimit.fixedWindow(CREDITS, monthlyCredits, Duration.ofDays(30))),
        List.of(),
        "https://insightease.com/docs/forex-api");
  }

  /** The credit cost of an answer of {@code records} records: one per started hundred, at least one. */
  public static int creditsFor(int records) {
    return Math.max(1, (records + RECORDS_PER_CREDIT - 1) / RECORDS_PER_CREDIT);
  }
}
