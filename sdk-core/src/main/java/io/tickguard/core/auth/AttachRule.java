package io.tickguard.core.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A declarative {@link SignaturePlacement}: where the key, timestamp, nonce and signature go. A
 * provider describes its rule once, for example Binance:
 *
 * <pre>{@code
 * AttachRule.builder()
 *     .apiKeyHeader("X-MBX-APIKEY")
 *     .recvWindowQueryParameter("recvWindow", 5000)
 *     .timestampQueryParameter("timestamp")
 *     .signatureQueryParameter("signature")
 *     .build();
 * }</pre>
 *
 * and Kraken: {@code apiKeyHeader("API-Key").nonceFormField("nonce").signatureHeader("API-Sign")}.
 * A provider that takes the key in the URL (Insightease's {@code api_key}) uses {@link
 * Builder#apiKeyQueryParameter}; core's {@code Redactor} masks such parameters in logs and messages.
 */
public final class AttachRule implements SignaturePlacement {
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  /** How the timestamp is written. */
  public enum TimestampFormat {
    /** {@code 1499827319559} (Binance). */
    EPOCH_MILLIS(t -> Long.toString(t.toEpochMilli())),
    /** {@code 1700000000} (Coinbase). */
    EPOCH_SECONDS(t -> Long.toString(t.getEpochSecond())),
    /** {@code 2020-12-08T09:08:57.715Z} (OKX). */
    ISO_8601_MILLIS(t -> DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));

    private final Function<Instant, String> format;

    TimestampFormat(Function<Instant, String> format) {
      this.format = format;
    }
  }

  private final Spec spec;

  private AttachRule(Builder b) {
    this.spec = new Spec(b);
  }

  /** Starts a rule. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String formatTimestamp(Instant time) {
    return spec.timestampFormat.format.apply(time);
  }

  @Override
  public Request prepare(Request request, ApiCredentials credentials, Freshness freshness) {
    Request.Builder out = request.newBuilder();
    if (spec.recvWindowParam != null || spec.timestampParam != null || spec.apiKeyParam != null) {
      var url = request.url().newBuilder();
      if (spec.apiKeyParam != null) {
        url.addQueryParameter(spec.apiKeyParam, credentials.apiKey()); // before the signature, so it is signed
      }
      if (spec.recvWindowParam != null) {
        url.addQueryParameter(spec.recvWindowParam, spec.recvWindowText);
      }
      if (spec.timestampParam != null) {
        url.addQueryParameter(spec.timestampParam, freshness.timestamp());
      }
      out.url(url.build());
    }
    if (spec.nonceField != null) {
      String existing = SigningInputBodies.text(request.body());
      String field = spec.nonceField + "=" + freshness.nonce();
      out.method(request.method(), RequestBody.create(existing.isEmpty() ? field : field + "&" + existing, FORM));
    }
    return out.build();
  }

  /**
   * One pass: the freshness parameters and then the signature are appended as text to the query the
   * Guard already encoded, the signer signs exactly that text (and reports it), and the final request
   * is built with one builder. Rules whose extra query values OkHttp might encode differently (a key
   * in the URL, an ISO timestamp in the query, unusual parameter names) take the general path.
   */
  @Override
  public Request sign(Request request, ApiCredentials credentials, Freshness freshness, RequestSigner signer) {
    HttpUrl url = request.url();
    String base = url.encodedQuery();
    if (!spec.onePass || (base != null && base.isEmpty())) {
      return SignaturePlacement.super.sign(request, credentials, freshness, signer);
    }
    StringBuilder query = new StringBuilder(base == null ? 96 : base.length() + 96);
    if (base != null) {
      query.append(base);
    }
    if (spec.recvWindowParam != null) {
      appendParam(query, spec.recvWindowParam, spec.recvWindowText);
    }
    if (spec.timestampParam != null) {
      appendParam(query, spec.timestampParam, freshness.timestamp());
    }
    String signedQuery = query.toString();
    RequestBody body = request.body();
    String bodyText = SigningInputBodies.text(body);
    if (spec.nonceField != null) {
      String field = spec.nonceField + "=" + freshness.nonce();
      bodyText = bodyText.isEmpty() ? field : field + "&" + bodyText;
      body = RequestBody.create(bodyText, FORM);
    }
    RequestSignature signature = signer.sign(new SigningInput(
        request.method(), url.host(), url.encodedPath(), signedQuery, bodyText,
        freshness.time(), freshness.timestamp(), freshness.nonce()), credentials);
    if (spec.signatureParam != null) {
      appendParam(query, spec.signatureParam, formEncoded(signature.value()));
    }
    Request.Builder out = request.newBuilder();
    if (query.length() != (base == null ? 0 : base.length())) {
      String finalQuery = query.toString();
      HttpUrl signedUrl = withQuery(url, finalQuery);
      if (!finalQuery.equals(signedUrl.encodedQuery())) {
        // OkHttp would send other bytes than were signed: never send them, sign the general way.
        return SignaturePlacement.super.sign(request, credentials, freshness, signer);
      }
      out.url(signedUrl);
    }
    if (spec.nonceField != null) {
      out.method(request.method(), body);
    }
    return attachHeaders(out, credentials, freshness, signature).build();
  }

  /**
   * {@code url} with its query replaced by {@code encodedQuery}. Resolving {@code ?query} against
   * the URL keeps scheme, host, port and path as they are and parses only the new query (a new
   * builder would first re-encode the old one); a URL with a fragment, which that would drop, takes
   * the builder.
   */
  static HttpUrl withQuery(HttpUrl url, String encodedQuery) {
    HttpUrl.Builder relative = url.encodedFragment() == null ? url.newBuilder("?" + encodedQuery) : null;
    return (relative != null ? relative : url.newBuilder().encodedQuery(encodedQuery)).build();
  }

  /**
   * {@link URLEncoder#encode(String, java.nio.charset.Charset)} in UTF-8, without its copy for the
   * usual signature (hex or an alphabet that needs no encoding), which it would return unchanged.
   */
  static String formEncoded(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean unchanged = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '*' || c == '_';
      if (!unchanged) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
      }
    }
    return value;
  }

  private static void appendParam(StringBuilder query, String name, String encodedValue) {
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(name).append('=').append(encodedValue);
  }

  @Override
  public Request attach(Request prepared, ApiCredentials credentials, Freshness freshness, RequestSignature signature) {
    Request.Builder out = prepared.newBuilder(); // one builder for key, headers and signature
    if (spec.signatureParam != null) {
      String encoded = formEncoded(signature.value());
      out.url(prepared.url().newBuilder().addEncodedQueryParameter(spec.signatureParam, encoded).build());
    }
    return attachHeaders(out, credentials, freshness, signature).build();
  }

  private Request.Builder attachHeaders(
      Request.Builder out, ApiCredentials credentials, Freshness freshness, RequestSignature signature) {
    addKey(out, credentials);
    if (spec.timestampHeader != null) {
      out.header(spec.timestampHeader, freshness.timestamp());
    }
    if (spec.nonceHeader != null) {
      out.header(spec.nonceHeader, Long.toString(freshness.nonce()));
    }
    if (spec.signatureHeader != null) {
      out.header(spec.signatureHeader, signature.value());
    }
    if (spec.bearer) {
      out.header("Authorization", "Bearer " + signature.value());
    }
    return out.tag(SignedPayload.class, signature.payload());
  }

  @Override
  public Request attachKey(Request request, ApiCredentials credentials) {
    Request.Builder out = request.newBuilder();
    if (spec.apiKeyParam != null) {
      out.url(request.url().newBuilder().addQueryParameter(spec.apiKeyParam, credentials.apiKey()).build());
    }
    addKey(out, credentials);
    return out.build();
  }

  private void addKey(Request.Builder out, ApiCredentials credentials) {
    if (spec.apiKeyHeader != null) {
      out.header(spec.apiKeyHeader, credentials.apiKey());
    }
    if (spec.passphraseHeader != null) {
      char[] passphrase = credentials.passphrase()
          .orElseThrow(() -> new IllegalArgumentException(
              "This provider needs a passphrase: use ApiCredentials.withPassphrase(...)"))
          .chars();
      out.header(spec.passphraseHeader, new String(passphrase));
      java.util.Arrays.fill(passphrase, '\0');
    }
  }

  /** Builds an {@link AttachRule}; every element is optional. */
  public static final class Builder {
    private String apiKeyHeader;
    private String apiKeyParam;
    private String passphraseHeader;
    private String timestampHeader;
    private String timestampParam;
    private String recvWindowParam;
    private long recvWindowMillis;
    private String nonceField;
    private String nonceHeader;
    private String signatureHeader;
    private String signatureParam;
    private boolean bearer;
    private TimestampFormat timestampFormat = TimestampFormat.EPOCH_MILLIS;

    private Builder() {}

    /** Sends the API key in header {@code name}. */
    public Builder apiKeyHeader(String name) {
      this.apiKeyHeader = Objects.requireNonNull(name);
      return this;
    }

    /**
     * Sends the API key as query parameter {@code name} (signed, when the endpoint is signed). Use it
     * only for providers that require it: a URL ends up in proxies' logs. Core's {@code Redactor}
     * masks {@code api_key}, {@code apikey}, {@code access_key} and {@code key}; another name must be
     * added there.
     */
    public Builder apiKeyQueryParameter(String name) {
      this.apiKeyParam = Objects.requireNonNull(name);
      return this;
    }

    /** Sends the passphrase in header {@code name}. */
    public Builder passphraseHeader(String name) {
      this.passphraseHeader = Objects.requireNonNull(name);
      return this;
    }

    /** Sends the timestamp in header {@code name}. */
    public Builder timestampHeader(String name) {
      this.timestampHeader = Objects.requireNonNull(name);
      return this;
    }

    /** Appends the timestamp as query parameter {@code name} (signed). */
    public Builder timestampQueryParameter(String name) {
      this.timestampParam = Objects.requireNonNull(name);
      return this;
    }

    /** Appends a fixed freshness window as query parameter {@code name} (signed). */
    public Builder recvWindowQueryParameter(String name, long millis) {
      this.recvWindowParam = Objects.requireNonNull(name);
      this.recvWindowMillis = millis;
      return this;
    }

    /** Puts the nonce first in the form body as field {@code name} (signed). */
    public Builder nonceFormField(String name) {
      this.nonceField = Objects.requireNonNull(name);
      return this;
    }

    /** Sends the nonce in header {@code name} (sign it through the signer's canonical text). */
    public Builder nonceHeader(String name) {
      this.nonceHeader = Objects.requireNonNull(name);
      return this;
    }

    /** Sends the signature in header {@code name}. */
    public Builder signatureHeader(String name) {
      this.signatureHeader = Objects.requireNonNull(name);
      return this;
    }

    /** Appends the signature, percent-encoded, as the last query parameter {@code name}. */
    public Builder signatureQueryParameter(String name) {
      this.signatureParam = Objects.requireNonNull(name);
      return this;
    }

    /** Sends the signature (a JWT) as {@code Authorization: Bearer}. */
    public Builder signatureAsBearerToken() {
      this.bearer = true;
      return this;
    }

    /** How the timestamp is written (default epoch milliseconds). */
    public Builder timestampFormat(TimestampFormat format) {
      this.timestampFormat = Objects.requireNonNull(format);
      return this;
    }

    /**
     * The rule as configured now. The rule copies every setting: changing this builder afterwards
     * does not change a rule already built.
     */
    public AttachRule build() {
      return new AttachRule(this);
    }
  }

  /** An immutable snapshot of a {@link Builder}, so a built rule never changes under its users. */
  private static final class Spec {
    private final String apiKeyHeader;
    private final String apiKeyParam;
    private final String passphraseHeader;
    private final String timestampHeader;
    private final String timestampParam;
    private final String recvWindowParam;
    /** The freshness window in milliseconds as sent, written once. */
    private final String recvWindowText;
    private final String nonceField;
    private final String nonceHeader;
    private final String signatureHeader;
    private final String signatureParam;
    private final boolean bearer;
    private final TimestampFormat timestampFormat;
    /** Whether {@link AttachRule#sign} may append the query as text (see there). */
    private final boolean onePass;

    private Spec(Builder b) {
      this.apiKeyHeader = b.apiKeyHeader;
      this.apiKeyParam = b.apiKeyParam;
      this.passphraseHeader = b.passphraseHeader;
      this.timestampHeader = b.timestampHeader;
      this.timestampParam = b.timestampParam;
      this.recvWindowParam = b.recvWindowParam;
      this.recvWindowText = Long.toString(b.recvWindowMillis);
      this.nonceField = b.nonceField;
      this.nonceHeader = b.nonceHeader;
      this.signatureHeader = b.signatureHeader;
      this.signatureParam = b.signatureParam;
      this.bearer = b.bearer;
      this.timestampFormat = b.timestampFormat;
      this.onePass = apiKeyParam == null
          && (timestampParam == null || timestampFormat != TimestampFormat.ISO_8601_MILLIS)
          && plainName(recvWindowParam) && plainName(timestampParam) && plainName(signatureParam);
    }

    /** A query parameter name that needs no percent-encoding (or none at all). */
    private static boolean plainName(String name) {
      return name == null || name.matches("[A-Za-z0-9_.~-]+");
    }
  }
}
