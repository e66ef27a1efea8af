package io.tickguard.core.observe;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Removes secrets from text before it reaches a log line or an exception message: credential headers
 * ({@code Authorization}, {@code X-MBX-APIKEY}, {@code API-Sign}, {@code CB-ACCESS-*}, ...), query and
 * form parameters ({@code signature}, {@code api_key}, {@code access_key}, tokens, ...), bearer tokens
 * and JWTs wherever they appear.
 *
 * <p>It works on names and shapes, not on known values, so it also covers secrets TickGuard never
 * saw (a token echoed back in a provider's error message, a key in a proxy's error page).
 */
public final class Redactor {
  /** What a redacted value is replaced with. */
  public static final String REDACTED = "[redacted]";

  /** Parameter names whose values are secret, compared case-insensitively. */
  public static final Set<String> SECRET_PARAMETERS =
      Set.of(
          "signature", "sign", "api_key", "apikey", "api-key", "access_key", "accesskey", "key",
          "secret", "api_secret", "client_secret", "token", "access_token", "refresh_token",
          "id_token", "password", "passphrase", "nonce_signature", "otp", "assertion",
          "client_assertion");

  /** Header names whose values are secret, compared case-insensitively. */
  public static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization", "proxy-authorization", "cookie", "set-cookie", "x-mbx-apikey",
          "api-key", "api-sign", "apisign", "x-api-key", "cb-access-key", "cb-access-sign",
          "cb-access-passphrase", "ok-access-key", "ok-access-sign", "ok-access-passphrase",
          "x-auth-token");

  private static final List<Pattern> PATTERNS =
      List.of(
          // name=value in query strings, form bodies and JSON-ish text
          Pattern.compile(
              "(?i)(?<![A-Za-z0-9_-])(" + alternation(SECRET_PARAMETERS)
                  + ")(\"?\\s*[=:]\\s*\"?)([^&\\s\",;}]+)"),
          // Header: value
          Pattern.compile("(?i)(" + alternation(SECRET_HEADERS) + ")(\\s*[:=]\\s*)([^\\r\\n,;]+)"),
          // Bearer / Basic credentials anywhere
          Pattern.compile("(?i)(bearer|basic)(\\s+)([A-Za-z0-9._~+/=-]{8,})"),
          // JWTs anywhere
          Pattern.compile("()()(eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*)"));

  private Redactor() {}

  /** {@code text} with every secret-looking value replaced by {@link #REDACTED}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(result);
      if (m.find()) {
        result = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + REDACTED));
      }
    }
    return result;
  }

  /** {@code url} with the values of secret query parameters replaced, as text. */
  public static String redact(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (SECRET_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        b.setQueryParameter(name, REDACTED);
      }
    }
    return b.build().toString();
  }

  /**
   * The secret values a sent request carried: values of credential headers (and the token alone of
   * an {@code Authorization} header) and of secret query parameters. Used to scrub a provider's
   * answer that echoes them back, which no name-based rule can recognise.
   */
  public static List<String> secretsOf(okhttp3.Request request) {
    List<String> values = new java.util.ArrayList<>();
    okhttp3.Headers headers = request.headers();
    for (int i = 0; i < headers.size(); i++) {
      if (isSecretHeader(headers.name(i))) {
        String v = headers.value(i).trim();
        values.add(v);
        int space = v.indexOf(' ');
        if (space > 0) {
          values.add(v.substring(space + 1).trim());
        }
      }
    }
    HttpUrl url = request.url();
    for (String name : url.queryParameterNames()) {
      if (SECRET_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.addAll(url.queryParameterValues(name).stream().filter(java.util.Objects::nonNull).toList());
      }
    }
    // Short values (a one-digit flag) would scrub innocent text and protect nothing.
    values.removeIf(v -> v.length() < 6);
    return values;
  }

  /** {@code text} with each of {@code secrets} and every secret-looking value replaced. */
  public static String redact(String text, List<String> secrets) {
    if (text == null) {
      return null;
    }
    return redact(redactValues(text, secrets));
  }

  /**
   * {@code text} with each of {@code secrets} replaced, wherever it appears verbatim, percent-encoded,
   * or JSON-escaped the way PHP and others write strings ({@code a\/b}, {@code \u0061bc}): a
   * byte-level search for the value misses those, and the decoded message then carries it. When
   * the text holds a secret only in escaped form, the text is returned unescaped and redacted.
   */
  public static String redactValues(String text, List<String> secrets) {
    if (text == null || text.isEmpty() || secrets.isEmpty()) {
      return text;
    }
    String result = text;
    if (result.indexOf('\\') >= 0) {
      String unescaped = jsonUnescape(result);
      if (!unescaped.equals(result) && containsAny(unescaped, secrets)) {
        result = unescaped;
      }
    }
    for (String secret : secrets) {
      if (secret.isEmpty()) {
        continue;
      }
      result = result.replace(secret, REDACTED);
      String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
      if (!encoded.equals(secret)) {
        result = result.replace(encoded, REDACTED);
        result = result.replace(encoded.replace("+", "%20"), REDACTED);
      }
    }
    return result;
  }

  private static boolean containsAny(String text, List<String> secrets) {
    for (String s : secrets) {
      if (!s.isEmpty() && text.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** JSON string escapes resolved; a malformed escape is kept as written. */
  static String jsonUnescape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        sb.append(c);
        continue;
      }
      char n = text.charAt(i + 1);
      switch (n) {
        case '/': case '\\': case '"': sb.append(n); i++; break;
        case 'n': sb.append('\n'); i++; break;
        case 't': sb.append('\t'); i++; break;
        case 'r': sb.append('\r'); i++; break;
        case 'b': sb.append('\b'); i++; break;
        case 'f': sb.append('\f'); i++; break;
        case 'u':
          if (isHex(text, i + 2, i + 6)) {
            sb.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
            i += 5;
          } else {
            sb.append(c);
          }
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isHex(String text, int from, int to) {
    if (to > text.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether header {@code name} carries a secret. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A copy of {@code t} (and of its causes) whose messages are redacted, with the same stack traces.
   * Used to attach a library's exception (whose message may quote a URL with a key in it) as the
   * cause of a TickGuard exception.
   */
  public static Throwable sanitize(Throwable t) {
    if (t == null) {
      return null;
    }
    String message = t.getMessage();
    String redacted = redact(message);
    Throwable cause = t.getCause() == t ? null : sanitize(t.getCause());
    if (message != null && message.equals(redacted) && cause == t.getCause()) {
      return t;
    }
    RedactedException copy = new RedactedException(t.getClass().getName() + ": " + redacted, cause);
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /**
   * {@link #sanitize(Throwable)} that also removes each of {@code secrets} (in any form {@link
   * #redactValues} recognises) from the messages of {@code t} and its causes.
   */
  public static Throwable sanitize(Throwable t, List<String> secrets) {
    if (t == null) {
      return null;
    }
    String message = t.getMessage();
    String redacted = redact(message, secrets);
    Throwable cause = t.getCause() == t ? null : sanitize(t.getCause(), secrets);
    if (java.util.Objects.equals(message, redacted) && cause == t.getCause()) {
      return t;
    }
    RedactedException copy = new RedactedException(t.getClass().getName() + ": " + redacted, cause);
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  private static String alternation(Set<String> names) {
    return String.join("|", names.stream().map(Pattern::quote).sorted((a, b) -> b.length() - a.length()).toList());
  }

  /** Stands in for an exception whose message had to be redacted; its message names the original type. */
  public static final class RedactedException extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
