package io.tickguard.core.validate;

/**
 * A domain check run on a decoded response before it reaches the caller: {@code bid <= ask}, a
 * sorted and uncrossed book, positive sizes, sane timestamps. A violation throws
 * {@link io.tickguard.core.InvalidResponseException} naming the field; a validator never corrects a
 * value.
 *
 * @param <T> the type it checks
 */
@FunctionalInterface
public interface Validator<T> {

  /** Throws {@link io.tickguard.core.InvalidResponseException} when {@code value} breaks a rule. */
  void validate(T value);

  /** A validator that accepts everything, for types whose constructors already check all rules. */
  static <T> Validator<T> none() {
    return value -> {};
  }

  /** This check, then {@code next}. */
  default Validator<T> andThen(Validator<? super T> next) {
    return value -> {
      validate(value);
      next.validate(value);
    };
  }
}
