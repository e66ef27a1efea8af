package io.tickguard.forex;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The hops a conversion took: {@link Kind#DIRECT} through the pair {@code FROM/TO}, {@link
 * Kind#INVERSE} through {@code TO/FROM}, or {@link Kind#CROSS} through two pairs that share a third
 * currency (EUR to JPY through EUR/USD and USD/JPY).
 *
 * @param kind direct, inverse or cross
 * @param legs the hops in order; one for direct and inverse, two for a cross
 */
public record ConversionPath(Kind kind, List<ConversionLeg> legs) {

  /** How a conversion reached its target. */
  public enum Kind {
    /** Through the pair {@code FROM/TO}: the amount is multiplied by its price. */
    DIRECT,
    /** Through the pair {@code TO/FROM}: the amount is divided by its price. */
    INVERSE,
    /** Through two pairs sharing a third currency. */
    CROSS
  }

  /** Validates that the legs chain and match the kind. */
  public ConversionPath {
    Checks.present(kind, "kind");
    legs = List.copyOf(Checks.present(legs, "legs"));
    int expected = kind == Kind.CROSS ? 2 : 1;
    if (legs.size() != expected) {
      throw new InvalidValueException("legs", kind + " needs " + expected + " leg(s), got " + legs.size());
    }
    if (kind == Kind.DIRECT && legs.get(0).inverted()) {
      throw new InvalidValueException("legs[0].inverted", "a DIRECT path uses its pair as quoted");
    }
    if (kind == Kind.INVERSE && !legs.get(0).inverted()) {
      throw new InvalidValueException("legs[0].inverted", "an INVERSE path divides by its pair");
    }
    if (kind == Kind.CROSS) {
      if (!legs.get(0).to().equals(legs.get(1).from())) {
        throw new InvalidValueException(
            "legs[1]", "must start where legs[0] ends (" + legs.get(0).to() + "), starts at " + legs.get(1).from());
      }
      if (legs.get(0).from().equals(legs.get(1).to())) {
        throw new InvalidValueException("legs", "a cross must end in another currency than it starts from");
      }
    }
  }

  /** The currency the path starts from. */
  public Currency from() {
    return legs.get(0).from();
  }

  /** The currency the path ends in. */
  public Currency to() {
    return legs.get(legs.size() - 1).to();
  }

  /** A path through the given legs, its kind deduced: one leg is direct or inverse, two a cross. */
  public static ConversionPath of(List<ConversionLeg> legs) {
    Checks.present(legs, "legs");
    if (legs.size() == 1) {
      return new ConversionPath(legs.get(0).inverted() ? Kind.INVERSE : Kind.DIRECT, legs);
    }
    return new ConversionPath(Kind.CROSS, legs);
  }

  /**
   * The pairs to price to convert {@code from} into {@code to}, given the pairs a provider quotes:
   * {@code FROM/TO} if quoted, else {@code TO/FROM}, else a cross through the first currency of {@code
   * vias} that links both (each hop direct or inverse). Empty when no such route exists.
   */
  public static Optional<List<CurrencyPair>> route(
      Currency from, Currency to, Collection<CurrencyPair> quoted, List<Currency> vias) {
    Checks.present(from, "from");
    Checks.present(to, "to");
    Checks.present(quoted, "quoted");
    Checks.present(vias, "vias");
    if (from.equals(to)) {
      throw new InvalidValueException("to", "must differ from 'from' (" + from + "): nothing to convert");
    }
    Optional<CurrencyPair> single = find(from, to, quoted);
    if (single.isPresent()) {
      return Optional.of(List.of(single.get()));
    }
    for (Currency via : vias) {
      if (via.equals(from) || via.equals(to)) {
        continue;
      }
      Optional<CurrencyPair> first = find(from, via, quoted);
      Optional<CurrencyPair> second = find(via, to, quoted);
      if (first.isPresent() && second.isPresent()) {
        List<CurrencyPair> hops = new ArrayList<>(2);
        hops.add(first.get());
        hops.add(second.get());
        return Optional.of(List.copyOf(hops));
      }
    }
    return Optional.empty();
  }

  private static Optional<CurrencyPair> find(Currency from, Currency to, Collection<CurrencyPair> quoted) {
    CurrencyPair direct = new CurrencyPair(from, to);
    if (quoted.contains(direct)) {
      return Optional.of(direct);
    }
    CurrencyPair inverse = direct.inverse();
    return quoted.contains(inverse) ? Optional.of(inverse) : Optional.empty();
  }

  /**
   * The path from {@code from} through {@code quotes} (in route order) at their mid prices; each
   * quote's direction is deduced from the currency the hop starts from.
   */
  public static ConversionPath atMid(Currency from, List<Quote> quotes) {
    Checks.present(from, "from");
    Checks.present(quotes, "quotes");
    List<ConversionLeg> legs = new ArrayList<>(quotes.size());
    Currency at = from;
    for (int i = 0; i < quotes.size(); i++) {
      Quote q = Checks.present(quotes.get(i), "quotes[" + i + "]");
      if (!q.pair().base().equals(at) && !q.pair().quote().equals(at)) {
        throw new InvalidValueException("quotes[" + i + "]", q.pair() + " does not contain " + at);
      }
      ConversionLeg leg = ConversionLeg.atMid(q, at);
      legs.add(leg);
      at = leg.to();
    }
    return of(legs);
  }

  /** The kind and the legs. */
  @Override
  public String toString() {
    return ModelText.of("ConversionPath").add("kind", kind).add("legs", legs).toString();
  }
}
