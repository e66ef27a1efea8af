package io.tickguard.testkit.insightease;

import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's {@code /forex/converter}: {@code price_1x_<pair1>} (units of {@code pair2} per one
 * {@code pair1}), {@code price_1x_<pair2>} (its inverse) and {@code total}, every value a string.
 * The rate is the last price of {@code pair1/pair2}, the inverse of {@code pair2/pair1}, or the
 * product through USD, rounded half-even to {@value #RATE_DECIMALS} decimals; {@code total} is the
 * amount times that rounded rate, to {@value #TOTAL_DECIMALS} decimals.
 */
final class InsighteaseConverter {
  static final int RATE_DECIMALS = 6;
  static final int TOTAL_DECIMALS = 2;

  private InsighteaseConverter() {}

  static InsighteaseRoutes.Answer convert(InsighteaseRoutes.Params p, MarketSimulator m) {
    Optional<String> from = p.get("pair1").filter(c -> c.matches("[A-Z]{3}"));
    Optional<String> to = p.get("pair2").filter(c -> c.matches("[A-Z]{3}"));
    if (from.isEmpty() || to.isEmpty() || from.get().equals(to.get())) {
      return InsighteaseRoutes.Answer.error(InsighteaseRoutes.CODE_INVALID_PARAMETER,
          "pair1 and pair2 are required: two different currency codes such as EUR and USD");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(p.get("amount").orElse("1"));
    } catch (NumberFormatException e) {
      return InsighteaseRoutes.Answer.error(InsighteaseRoutes.CODE_INVALID_PARAMETER, "amount must be a number");
    }
    if (amount.signum() < 0 || amount.precision() > 30) {
      return InsighteaseRoutes.Answer.error(InsighteaseRoutes.CODE_INVALID_PARAMETER, "amount must be a positive number");
    }
    Optional<BigDecimal> rate = rate(m, from.get(), to.get())
        .or(() -> rate(m, from.get(), "USD").flatMap(a -> rate(m, "USD", to.get()).map(a::multiply)));
    if (rate.isEmpty()) {
      return InsighteaseRoutes.Answer.error(InsighteaseRoutes.CODE_SYMBOL_NOT_FOUND, "Symbol not found");
    }
    BigDecimal price = rate.get().setScale(RATE_DECIMALS, RoundingMode.HALF_EVEN);
    BigDecimal inverse = BigDecimal.ONE.divide(rate.get(), MathContext.DECIMAL128).setScale(RATE_DECIMALS, RoundingMode.HALF_EVEN);
    ObjectNode out = SandboxJson.object()
        .put("price_1x_" + from.get(), price.toPlainString())
        .put("price_1x_" + to.get(), inverse.toPlainString())
        .put("total", amount.multiply(price).setScale(TOTAL_DECIMALS, RoundingMode.HALF_EVEN).toPlainString());
    return InsighteaseRoutes.Answer.ok(out, 1);
  }

  /** Units of {@code to} per one {@code from}, from a directly simulated pair or its inverse. */
  private static Optional<BigDecimal> rate(MarketSimulator m, String from, String to) {
    if (from.equals(to)) {
      return Optional.of(BigDecimal.ONE);
    }
    Optional<Instrument> direct = m.instrument(from + "-" + to).filter(InsighteaseRoutes::isForex);
    if (direct.isPresent()) {
      return Optional.of(m.ticker(direct.get().symbol()).last());
    }
    return m.instrument(to + "-" + from).filter(InsighteaseRoutes::isForex)
        .map(i -> BigDecimal.ONE.divide(m.ticker(i.symbol()).last(), MathContext.DECIMAL128));
  }
}
