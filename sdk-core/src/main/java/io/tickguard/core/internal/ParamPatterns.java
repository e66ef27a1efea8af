package io.tickguard.core.internal;

import io.tickguard.core.ParamSpec;
import java.util.regex.Pattern;

/**
 * Whether a parameter value matches its {@link ParamSpec} pattern, the way {@code
 * pattern.matcher(value).matches()} answers, with the five patterns {@code ParamSpec} defines (which
 * nearly every endpoint uses) checked by a loop over the characters instead of the regex engine: the
 * Guard checks every parameter of every call, and a regex match builds a {@code Matcher} each time.
 * Any other pattern goes to the regex engine. {@code ParamPatternsTest} holds each loop to its regex.
 */
final class ParamPatterns {
  /** {@code [A-Za-z0-9_.-]}. */
  private static final boolean[] WORD_CHARS = ascii("_.-");
  /** {@code [A-Za-z0-9._/:-]}. */
  private static final boolean[] SYMBOL_CHARS = ascii("._/:-");
  /** {@code [A-Za-z0-9._/:,\[\]"-]}. */
  private static final boolean[] LIST_CHARS = ascii("._/:,[]\"-");

  private ParamPatterns() {}

  /** {@code pattern.matcher(value).matches()}. */
  static boolean matches(Pattern pattern, String value) {
    if (pattern == ParamSpec.SYMBOL) {
      return isSymbol(value);
    }
    if (pattern == ParamSpec.INTEGER) {
      return isInteger(value);
    }
    if (pattern == ParamSpec.WORD) {
      return allOf(value, 1, 64, WORD_CHARS);
    }
    if (pattern == ParamSpec.DECIMAL) {
      return isDecimal(value);
    }
    if (pattern == ParamSpec.LIST) {
      return allOf(value, 1, 4096, LIST_CHARS);
    }
    return pattern.matcher(value).matches();
  }

  /** Letters, digits and {@code extra}, indexed by ASCII code. */
  private static boolean[] ascii(String extra) {
    boolean[] allowed = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      allowed[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      allowed[c] = true;
      allowed[Character.toLowerCase(c)] = true;
    }
    for (int i = 0; i < extra.length(); i++) {
      allowed[extra.charAt(i)] = true;
    }
    return allowed;
  }

  private static boolean allowed(boolean[] set, char c) {
    return c < 128 && set[c];
  }

  /** Between {@code min} and {@code max} characters, each in {@code set}. */
  private static boolean allOf(String value, int min, int max, boolean[] set) {
    int n = value.length();
    if (n < min || n > max) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!allowed(set, value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._/:-]{0,39}}. */
  private static boolean isSymbol(String value) {
    if (value.isEmpty() || value.length() > 40) {
      return false;
    }
    char first = value.charAt(0);
    return (isDigit(first) || isLetter(first)) && allOf(value, 1, 40, SYMBOL_CHARS);
  }

  /** {@code [0-9]{1,19}}. */
  private static boolean isInteger(String value) {
    return value.length() <= 19 && digits(value, 0, value.length()) >= 1;
  }

  /** {@code -?[0-9]{1,30}(\.[0-9]{1,30})?}. */
  private static boolean isDecimal(String value) {
    int n = value.length();
    int start = n > 0 && value.charAt(0) == '-' ? 1 : 0;
    int dot = value.indexOf('.', start);
    int end = dot < 0 ? n : dot;
    int whole = digits(value, start, end);
    if (whole < 1 || whole > 30) {
      return false;
    }
    if (dot < 0) {
      return true;
    }
    int fraction = digits(value, dot + 1, n);
    return fraction >= 1 && fraction <= 30;
  }

  /** How many characters from {@code from} to {@code to} there are when all are ASCII digits, else -1. */
  private static int digits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(value.charAt(i))) {
        return -1;
      }
    }
    return to - from;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
