package io.tickguard.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.TickGuardException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known secret values are removed in every form a provider may echo them in. */
class RedactorEchoedValuesTest {
  static final String KEY = "k3y/With+Slash=0123";

  @Test
  void verbatimJsonEscapedUnicodeEscapedAndPercentEncodedFormsAreAllRemoved() {
    StringBuilder unicode = new StringBuilder();
    KEY.chars().forEach(c -> unicode.append(String.format("\\u%04x", c)));
    for (String echoed : List.of(KEY, KEY.replace("/", "\\/"), unicode.toString(), "k3y%2FWith%2BSlash%3D0123")) {
      String text = "Invalid key " + echoed + " for this endpoint";
      assertThat(Redactor.redactValues(text, List.of(KEY)))
          .as(echoed).doesNotContain(KEY).doesNotContain(echoed).contains(Redactor.REDACTED);
    }
  }

  @Test
  void textWithoutTheSecretIsReturnedUnchangedEvenWhenItHasEscapes() {
    String text = "path C:\\\\dir and \\u0041";
    assertThat(Redactor.redactValues(text, List.of(KEY))).isSameAs(text);
  }

  @Test
  void exceptionMessageDetailsAndCauseLoseTheEchoedValue() {
    IllegalStateException cause = new IllegalStateException("Unrecognized token '" + KEY + "'");
    TickGuardException e = new AuthenticationException("refused (EAPI:Invalid key " + KEY.replace("/", "\\/") + ")",
        new ErrorDetails(200, "EAPI:Invalid key " + KEY, "msg " + KEY, null), null, cause);

    e.redactValues(List.of(KEY));

    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(KEY).doesNotContain(KEY.replace("/", "\\/"));
    assertThat(e.providerCode()).hasValueSatisfying(code -> assertThat(code).doesNotContain(KEY));
    assertThat(e.details().providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(KEY));
    assertThat(e.getCause().getMessage()).contains("IllegalStateException").doesNotContain(KEY);
    assertThat(e).isInstanceOf(AuthenticationException.class);
  }
}
