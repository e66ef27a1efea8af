package io.tickguard.benchmarks.decode;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price level of a book (scaffolding, see the package note).
 *
 * @param price positive price
 * @param quantity positive quantity at that price
 */
public record BookLevel(BigDecimal price, BigDecimal quantity) {
  public BookLevel {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(quantity, "quantity");
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive");
    }
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
  }
}
