package io.tickguard.testkit.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A consistent ticker: {@code bid < ask}, {@code low24h <= min(open24h, last)},
 * {@code high24h >= max(open24h, last)}; {@code last} is the price of the latest trade.
 *
 * @param symbol canonical symbol
 * @param bid best bid price
 * @param bidQuantity quantity at the best bid
 * @param ask best ask price
 * @param askQuantity quantity at the best ask
 * @param last last trade price
 * @param open24h price 24 hours ago
 * @param high24h highest trade price of the last 24 hours
 * @param low24h lowest trade price of the last 24 hours
 * @param volume24h traded base quantity of the last 24 hours
 * @param time the simulation time of this snapshot
 */
public record SimTicker(
    String symbol, BigDecimal bid, BigDecimal bidQuantity, BigDecimal ask, BigDecimal askQuantity,
    BigDecimal last, BigDecimal open24h, BigDecimal high24h, BigDecimal low24h, BigDecimal volume24h,
    Instant time) {}
