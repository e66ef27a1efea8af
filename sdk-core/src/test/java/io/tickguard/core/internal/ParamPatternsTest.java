package io.tickguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ParamSpec;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loops that stand in for {@code ParamSpec}'s five patterns answer exactly as the regex engine
 * does: for random values drawn mostly from each pattern's own characters (so that both answers occur
 * often), with the characters around them (digits of other scripts, surrogates, controls), and at the
 * lengths where each pattern's bounds lie.
 */
class ParamPatternsTest {
  private static final List<Pattern> PATTERNS =
      List.of(ParamSpec.SYMBOL, ParamSpec.INTEGER, ParamSpec.WORD, ParamSpec.DECIMAL, ParamSpec.LIST);
  /** Every character any of the five allows, and neighbours that none does. */
  private static final String CHARS = "aZz09AM5._/:-,[]\"- \\%+=@#\n\t\u0000\u00e9\u0660\uff10\ud83d\ude00";
  private static final String DIGITS = "0123456789";

  @Test
  void eachLoopAnswersAsItsRegexForRandomValues() {
    SplittableRandom random = new SplittableRandom(20261201);
    for (Pattern pattern : PATTERNS) {
      int matched = 0;
      for (int i = 0; i < 20_000; i++) {
        String value = randomValue(random, random.nextInt(0, 48));
        boolean expected = pattern.matcher(value).matches();
        assertThat(ParamPatterns.matches(pattern, value)).as("%s against '%s'", pattern, value).isEqualTo(expected);
        matched += expected ? 1 : 0;
      }
      assertThat(matched).as("%s matched often enough to test both answers", pattern).isBetween(1_000, 19_000);
    }
  }

  @Test
  void eachLoopAnswersAsItsRegexAtTheLengthBounds() {
    for (Pattern pattern : PATTERNS) {
      for (int length : new int[] {0, 1, 2, 18, 19, 20, 29, 30, 31, 39, 40, 41, 61, 62, 63, 64, 65, 4095, 4096, 4097}) {
        for (String value : List.of("7".repeat(length), "a".repeat(length), "-" + "7".repeat(length),
            "7".repeat(length) + ".5", "1." + "7".repeat(length), "-1." + "7".repeat(length))) {
          assertThat(ParamPatterns.matches(pattern, value)).as("%s against a value of %d characters", pattern, value.length())
              .isEqualTo(pattern.matcher(value).matches());
        }
      }
    }
  }

  @Test
  void decimalsAnswerAsTheRegexForEveryShapeOfSignDotAndDigits() {
    SplittableRandom random = new SplittableRandom(7);
    String parts = DIGITS + "-.";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      for (int n = random.nextInt(0, 8); n > 0; n--) {
        value.append(parts.charAt(random.nextInt(parts.length())));
      }
      assertThat(ParamPatterns.matches(ParamSpec.DECIMAL, value.toString())).as("'%s'", value)
          .isEqualTo(ParamSpec.DECIMAL.matcher(value).matches());
    }
  }

  @Test
  void anyOtherPatternGoesToTheRegexEngine() {
    Pattern sameTextOtherInstance = Pattern.compile(ParamSpec.INTEGER.pattern());
    Pattern upperCaseOnly = Pattern.compile("[A-Z]{3}");
    assertThat(ParamPatterns.matches(sameTextOtherInstance, "123")).isTrue();
    assertThat(ParamPatterns.matches(sameTextOtherInstance, "12a")).isFalse();
    assertThat(ParamPatterns.matches(upperCaseOnly, "BTC")).isTrue();
    assertThat(ParamPatterns.matches(upperCaseOnly, "btc")).isFalse();
  }

  /** Mostly characters some pattern allows; one in eight from anywhere in {@link #CHARS}. */
  private static String randomValue(SplittableRandom random, int length) {
    StringBuilder value = new StringBuilder(length);
    boolean digitsOnly = random.nextInt(3) == 0; // INTEGER and DECIMAL need long runs of digits
    for (int i = 0; i < length; i++) {
      if (digitsOnly && random.nextInt(12) != 0) {
        value.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
      } else if (random.nextInt(8) == 0) {
        value.append(CHARS.charAt(random.nextInt(CHARS.length())));
      } else {
        value.append(CHARS.charAt(random.nextInt(16)));
      }
    }
    return value.toString();
  }
}
