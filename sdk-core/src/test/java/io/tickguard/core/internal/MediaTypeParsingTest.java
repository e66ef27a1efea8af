package io.tickguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written Content-Type reading must agree with what the header means. */
class MediaTypeParsingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/json|application/json",
      "application/json; charset=utf-8|application/json",
      "Application/JSON;charset=UTF-8|application/json",
      "  application/problem+json ; q=1|application/problem+json",
      "text/html|text/html",
      "APPLICATION/JSON|application/json",
      "application/json;|application/json",
      "application/json ;charset=utf-8|application/json",
      " application/json|application/json",
      "application/jsonp|application/jsonp",
      "application/json-seq; x=1|application/json-seq",
      "application/jso|application/jso",
      "''|''"})
  void essenceIsTypeAndSubtypeLowerCasedWithoutParameters(String header, String essence) {
    assertThat(ResponseHandler.mediaType(header)).isEqualTo(essence);
  }

  @org.junit.jupiter.api.Test
  void missingHeaderIsEmpty() {
    assertThat(ResponseHandler.mediaType(null)).isEmpty();
  }
}
