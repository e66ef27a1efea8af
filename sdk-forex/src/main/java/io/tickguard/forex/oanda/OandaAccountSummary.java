package io.tickguard.forex.oanda;

import io.tickguard.forex.Currency;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;

/**
 * The summary of an OANDA account ({@code GET /v3/accounts/{accountID}/summary}), amounts in the
 * account's home currency exactly as OANDA wrote them.
 *
 * @param id the account id, such as {@code 101-004-1435156-001}
 * @param currency the home currency
 * @param balance the balance
 * @param nav the net asset value
 * @param unrealizedPl the unrealized profit or loss of open trades
 * @param marginUsed the margin in use
 * @param marginAvailable the margin available
 * @param openTradeCount open trades
 * @param openPositionCount open positions
 * @param pendingOrderCount pending orders
 * @param lastTransactionId the last transaction's id
 */
public record OandaAccountSummary(
    String id, Currency currency, BigDecimal balance, BigDecimal nav, BigDecimal unrealizedPl,
    BigDecimal marginUsed, BigDecimal marginAvailable, long openTradeCount, long openPositionCount,
    long pendingOrderCount, String lastTransactionId) {

  /** Validates every field; counts and margins are not negative. */
  public OandaAccountSummary {
    Checks.text(id, "id");
    Checks.present(currency, "currency");
    Checks.present(balance, "balance");
    Checks.present(nav, "NAV");
    Checks.present(unrealizedPl, "unrealizedPL");
    Checks.notNegative(marginUsed, "marginUsed");
    Checks.present(marginAvailable, "marginAvailable");
    notNegative(openTradeCount, "openTradeCount");
    notNegative(openPositionCount, "openPositionCount");
    notNegative(pendingOrderCount, "pendingOrderCount");
    Checks.text(lastTransactionId, "lastTransactionID");
  }

  private static void notNegative(long n, String field) {
    if (n < 0) {
      throw new InvalidValueException(field, "must not be negative, was " + n);
    }
  }

  /** The account's figures in plain notation. */
  @Override
  public String toString() {
    return ModelText.of("OandaAccountSummary").add("id", id).add("currency", currency).add("balance", balance)
        .add("nav", nav).add("unrealizedPl", unrealizedPl).add("marginUsed", marginUsed)
        .add("marginAvailable", marginAvailable).add("openTradeCount", openTradeCount)
        .add("openPositionCount", openPositionCount).add("pendingOrderCount", pendingOrderCount)
        .add("lastTransactionId", lastTransactionId).toString();
  }
}
