package io.tickguard.testkit.market;

import java.math.BigDecimal;

/**
 * One order-book level.
 *
 * @param price level price, a multiple of the tick size
 * @param quantity resting quantity, a positive multiple of the lot size
 */
public record SimLevel(BigDecimal price, BigDecimal quantity) {}
