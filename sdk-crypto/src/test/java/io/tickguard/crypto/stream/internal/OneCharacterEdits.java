package io.tickguard.crypto.stream.internal;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The edits the stream fast-path tests read both ways (fast path first, and the full reader alone):
 * every one-character replacement, deletion and insertion of a fixture, and a few random ones.
 */
public final class OneCharacterEdits {
  /** Characters an edit puts in: JSON's structure, digits, signs, exponents, whitespace, escapes, non-ASCII. */
  public static final String CHARACTERS = "\"\\{}[],:0159.-+eEabx \t\n\u00e9\u0000/";

  private OneCharacterEdits() {}

  /**
   * Hands {@code check} every one-character replacement, deletion and insertion (of {@link
   * #CHARACTERS}) of each fixture; {@code check} answers 1 when the fast path took the message.
   *
   * @return the number of messages checked and the number the fast path took
   */
  public static int[] everyEdit(List<String> fixtures, ToIntFunction<String> check) {
    int cases = 0;
    int fast = 0;
    for (String fixture : fixtures) {
      for (int i = 0; i <= fixture.length(); i++) {
        for (int c = 0; c < CHARACTERS.length(); c++) {
          String insert = CHARACTERS.substring(c, c + 1);
          fast += check.applyAsInt(fixture.substring(0, i) + insert + fixture.substring(i));
          if (i < fixture.length()) {
            fast += check.applyAsInt(fixture.substring(0, i) + insert + fixture.substring(i + 1));
          }
          cases += i < fixture.length() ? 2 : 1;
        }
        if (i < fixture.length()) {
          fast += check.applyAsInt(fixture.substring(0, i) + fixture.substring(i + 1));
          cases++;
        }
      }
    }
    return new int[] {cases, fast};
  }

  /** {@code text} with, one time in three, 1 to 3 random replacements, deletions or insertions. */
  public static String sometimesEdited(SplittableRandom random, String text) {
    String out = text;
    int edits = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
    for (int e = 0; e < edits && !out.isEmpty(); e++) {
      int at = random.nextInt(out.length());
      String c = String.valueOf(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
      out = switch (random.nextInt(3)) {
        case 0 -> out.substring(0, at) + c + out.substring(at + 1);
        case 1 -> out.substring(0, at) + out.substring(at + 1);
        default -> out.substring(0, at) + c + out.substring(at);
      };
    }
    return out;
  }

  /** What {@code read} made of a message (its description), or the class and message of what it threw. */
  public static String outcome(Supplier<String> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
