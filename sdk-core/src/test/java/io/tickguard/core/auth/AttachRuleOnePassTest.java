package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * {@link AttachRule#sign} builds the signed request in one pass; it must send exactly what the
 * general path (prepare, sign, attach) sends, and sign exactly the bytes it sends.
 */
class AttachRuleOnePassTest {
  private static final ApiCredentials CREDENTIALS =
      ApiCredentials.hmac("key-0001", Fixtures.secret("s3cr3t"))
          .withPassphrase(Secret.of("pass".toCharArray()));
  private static final Freshness FRESHNESS =
      new Freshness(Instant.parse("2024-03-01T12:00:00.123Z"), "1709294400123", 1709294400123L);
  private static final RequestSigner SIGNER = Signers.hmac(Signers.Hmac.SHA256, Signers.SecretEncoding.TEXT,
      Signers.Message.text(in -> in.method() + "|" + in.pathAndQuery() + "|" + in.body()),
      Signers.SignatureEncoding.BASE64); // base64 has '+', '/' and '=': percent-encoded in a query

  private static final AttachRule BINANCE = AttachRule.builder()
      .apiKeyHeader("X-MBX-APIKEY")
      .recvWindowQueryParameter("recvWindow", 5000)
      .timestampQueryParameter("timestamp")
      .signatureQueryParameter("signature")
      .build();
  private static final AttachRule KRAKEN = AttachRule.builder()
      .apiKeyHeader("API-Key").nonceFormField("nonce").signatureHeader("API-Sign").build();
  private static final AttachRule COINBASE = AttachRule.builder()
      .apiKeyHeader("CB-ACCESS-KEY").passphraseHeader("CB-ACCESS-PASSPHRASE")
      .timestampHeader("CB-ACCESS-TIMESTAMP").timestampFormat(AttachRule.TimestampFormat.EPOCH_SECONDS)
      .signatureHeader("CB-ACCESS-SIGN").build();
  private static final AttachRule KEY_IN_QUERY = AttachRule.builder()
      .apiKeyQueryParameter("api_key").timestampQueryParameter("ts").signatureQueryParameter("sig").build();
  private static final AttachRule ISO_TIMESTAMP_IN_QUERY = AttachRule.builder()
      .timestampQueryParameter("ts").timestampFormat(AttachRule.TimestampFormat.ISO_8601_MILLIS)
      .signatureQueryParameter("sig").build();

  private static final List<Request> REQUESTS = List.of(
      new Request.Builder().url("https://api.example.com/api/v3/account").build(),
      new Request.Builder().url(HttpUrl.get("https://api.example.com/api/v3/order").newBuilder()
          .addQueryParameter("symbol", "BTCUSDT").addQueryParameter("note", "a b+c/d=é&x").build()).build(),
      new Request.Builder().url("https://api.example.com/0/private/Balance")
          .post(new FormBody.Builder().add("asset", "XBT").add("note", "x y").build()).build(),
      new Request.Builder().url("https://api.example.com/0/private/Balance").post(new FormBody.Builder().build()).build());

  @Test
  void onePassSendsWhatThePreparedAttachedPathSendsForEveryRuleAndRequest() throws IOException {
    for (AttachRule rule : List.of(BINANCE, KRAKEN, COINBASE, KEY_IN_QUERY, ISO_TIMESTAMP_IN_QUERY)) {
      for (Request request : REQUESTS) {
        if (rule == KRAKEN && request.body() == null) {
          // A nonce form field on a GET is refused by either path (OkHttp: no body on GET).
          assertThatThrownBy(() -> rule.sign(request, CREDENTIALS, FRESHNESS, SIGNER))
              .isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> rule.prepare(request, CREDENTIALS, FRESHNESS))
              .isInstanceOf(IllegalArgumentException.class);
          continue;
        }
        Request onePass = rule.sign(request, CREDENTIALS, FRESHNESS, SIGNER);
        Request prepared = rule.prepare(request, CREDENTIALS, FRESHNESS);
        Request general = rule.attach(prepared, CREDENTIALS, FRESHNESS,
            SIGNER.sign(SigningInput.of(prepared, FRESHNESS), CREDENTIALS));

        assertThat(onePass.url().toString()).isEqualTo(general.url().toString());
        assertThat(onePass.headers()).isEqualTo(general.headers());
        assertThat(onePass.method()).isEqualTo(general.method());
        assertThat(body(onePass)).isEqualTo(body(general));
        assertThat(onePass.tag(SignedPayload.class)).isEqualTo(general.tag(SignedPayload.class));
      }
    }
  }

  @Test
  void theSignedPayloadIsExactlyTheQueryAndBodySentBeforeTheSignature() throws IOException {
    Request request = REQUESTS.get(1);

    Request signed = BINANCE.sign(request, CREDENTIALS, FRESHNESS, SIGNER);

    String query = signed.url().encodedQuery();
    String beforeSignature = query.substring(0, query.lastIndexOf("&signature="));
    assertThat(beforeSignature).endsWith("&recvWindow=5000&timestamp=1709294400123")
        .startsWith(request.url().encodedQuery());
    assertThat(signed.tag(SignedPayload.class).canonical())
        .isEqualTo("GET|/api/v3/order?" + beforeSignature + "|");
    String sent = query.substring(query.lastIndexOf("&signature=") + "&signature=".length());
    String expected = SIGNER.sign(Fixtures.input("GET", "/api/v3/order", beforeSignature, "", "1709294400123",
        1709294400123L), CREDENTIALS).value();
    assertThat(java.net.URLDecoder.decode(sent, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void krakenNonceLeadsTheSignedFormBody() throws IOException {
    Request signed = KRAKEN.sign(REQUESTS.get(2), CREDENTIALS, FRESHNESS, SIGNER);

    assertThat(body(signed)).isEqualTo("application/x-www-form-urlencoded; charset=utf-8:nonce=1709294400123&asset=XBT&note=x+y");
    assertThat(signed.tag(SignedPayload.class).canonical())
        .isEqualTo("POST|/0/private/Balance|nonce=1709294400123&asset=XBT&note=x+y");
    assertThat(signed.header("API-Sign")).isNotBlank();
  }

  private static String body(Request request) throws IOException {
    if (request.body() == null) {
      return "<none>";
    }
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return request.body().contentType() + ":" + buffer.readUtf8();
  }

  @Test
  void theSignatureIsEncodedExactlyAsUrlEncoderEncodesItWithOrWithoutTheShortcut() {
    List<String> values = List.of(
        "", "3c2e1a8f2b6c4d1e9f0a7b3c5d8e2f1a", "ABCxyz0189", "a.b-c*d_e", "Zm9v+YmFy/YmF6==", "a b", "~tilde",
        "é€😀", "50%", "a&b=c", "\u0000\u007f", "MIGHAgEAMBMG-_.*");
    for (String value : values) {
      assertThat(AttachRule.formEncoded(value)).as(value)
          .isEqualTo(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    String hex = "3c2e1a8f2b6c4d1e9f0a7b3c5d8e2f1a";
    assertThat(AttachRule.formEncoded(hex)).isSameAs(hex);
  }

  @Test
  void theSignedUrlIsTheGuardsUrlWithOnlyItsQueryReplaced() {
    String query = "symbol=BTCUSDT&recvWindow=5000&timestamp=1709294400123&signature=ab%2Bcd%3D";
    for (String url : List.of(
        "https://api.example.com/api/v3/account",
        "https://api.example.com/api/v3/order?symbol=ETHBTC&note=a%20b",
        "https://user:pw@api.example.com:8443/a/b%20c/?x=1",
        "https://api.example.com/api/v3/order?x=1#part",
        "http://127.0.0.1:1234/")) {
      HttpUrl base = HttpUrl.get(url);
      HttpUrl expected = base.newBuilder().encodedQuery(query).build();
      assertThat(AttachRule.withQuery(base, query)).as(url).isEqualTo(expected);
      assertThat(AttachRule.withQuery(base, query).encodedFragment()).as(url).isEqualTo(base.encodedFragment());
    }
  }
}
