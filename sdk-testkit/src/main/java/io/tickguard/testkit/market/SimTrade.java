package io.tickguard.testkit.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One public trade.
 *
 * @param id increasing trade id
 * @param price trade price
 * @param quantity traded base quantity
 * @param buyerMaker {@code true} when the buyer was the resting order (a sell hit the bid)
 * @param time trade time
 */
public record SimTrade(long id, BigDecimal price, BigDecimal quantity, boolean buyerMaker, Instant time) {}
