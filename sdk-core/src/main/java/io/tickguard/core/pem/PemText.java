package io.tickguard.core.pem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a PEM block back into the layout parsers expect. Keys pasted into environment variables and
 * secret managers lose their line breaks: the whole key on one line, the breaks turned into spaces
 * or into the two characters {@code \n}, the footer glued to the last base64 line, OpenSSL's {@code
 * Proc-Type}/{@code DEK-Info} headers run into the base64. The markers, the headers and the base64
 * are found by their syntax and written out again, 64 characters a line. What cannot be a PEM block
 * is refused with a message that says which part is wrong, never echoing the key material.
 */
final class PemText {
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");
  private static final Pattern ENCRYPTED_HEADERS = Pattern.compile(
      "\\s*Proc-Type:\\s*4,\\s*ENCRYPTED\\s*DEK-Info:\\s*([A-Za-z0-9-]{1,40})\\s*,\\s*");

  private PemText() {}

  /** {@code pem} re-laid-out as one canonical PEM block (the first one it holds). */
  static byte[] canonical(byte[] pem, String expected) {
    String text = new String(pem, StandardCharsets.US_ASCII).replace("\\r", "\n").replace("\\n", "\n");
    Matcher begin = BEGIN.matcher(text);
    if (!begin.find()) {
      throw new PemFormatException("No PEM block (no '-----BEGIN ...-----' line) found where a " + expected
          + " was expected: the value is not PEM (or its first line was cut off)");
    }
    String label = begin.group(1);
    String endMarker = "-----END " + label + "-----";
    int end = text.indexOf(endMarker, begin.end());
    if (end < 0) {
      throw new PemFormatException("The PEM block '-----BEGIN " + label + "-----' has no matching '" + endMarker
          + "' line: the value was cut short or its footer names another type");
    }
    String body = text.substring(begin.end(), end);
    StringBuilder out = new StringBuilder(body.length() + 128);
    out.append("-----BEGIN ").append(label).append("-----\n");
    Matcher headers = ENCRYPTED_HEADERS.matcher(body);
    if (headers.lookingAt()) {
      String cipher = headers.group(1);
      String rest = body.substring(headers.end());
      int ivLength = ivHexLength(cipher, rest);
      if (rest.length() < ivLength || !rest.substring(0, ivLength).matches("[0-9A-Fa-f]+")) {
        throw new PemFormatException("The DEK-Info header of the encrypted PEM key has no valid "
            + "hexadecimal IV after '" + cipher + ",'");
      }
      out.append("Proc-Type: 4,ENCRYPTED\nDEK-Info: ").append(cipher).append(',')
          .append(rest, 0, ivLength).append("\n\n");
      body = rest.substring(ivLength);
    } else if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
      throw new PemFormatException("The encrypted PEM key's headers are not 'Proc-Type: 4,ENCRYPTED' followed by"
          + " 'DEK-Info: <cipher>,<hex IV>'");
    }
    String base64 = body.replaceAll("\\s+", "");
    if (base64.isEmpty()) {
      throw new PemFormatException("The PEM block '" + label + "' is empty between its BEGIN and END lines");
    }
    for (int i = 0; i < base64.length(); i++) {
      char c = base64.charAt(i);
      boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
          || c == '=';
      if (!ok) {
        throw new PemFormatException("The PEM block '" + label + "' holds a character that is not base64 at"
            + " position " + i + " of its content (code " + (int) c + ")");
      }
    }
    try {
      Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new PemFormatException("The content of the PEM block '" + label + "' is not valid base64"
          + " (wrong length or misplaced '='): the value was probably cut or edited");
    }
    for (int i = 0; i < base64.length(); i += 64) {
      out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    out.append(endMarker).append('\n');
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Hex digits of the IV: the cipher's block size (AES 16 bytes, DES and 3DES 8), or, for another
   * cipher, everything up to the line break when one survived.
   */
  private static int ivHexLength(String cipher, String rest) {
    String upper = cipher.toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith("AES")) {
      return 32;
    }
    if (upper.startsWith("DES") || upper.startsWith("BF") || upper.startsWith("RC2")) {
      return 16;
    }
    int i = 0;
    while (i < rest.length() && Character.digit(rest.charAt(i), 16) >= 0) {
      i++;
    }
    return i;
  }
}
