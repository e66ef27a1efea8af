package io.tickguard.core.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.SignedPayload;
import io.tickguard.core.observe.Redactor;
import io.tickguard.core.validate.Validator;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;

/**
 * The Response stage: status to typed exception, content-type check, body-size cap, decode, domain
 * validation. A response becomes a fully valid typed value or an exception, never anything between.
 */
public final class ResponseHandler {
  private static final String JSON = "application/json";

  private final long maxBytes;
  private final ErrorDecoder errorDecoder;
  private final List<String> requestIdHeaders;
  private final Clock clock;
  private final Redactor redactor;

  public ResponseHandler(
      long maxBytes, ErrorDecoder errorDecoder, List<String> requestIdHeaders, Clock clock, Redactor redactor) {
    this.maxBytes = maxBytes;
    this.errorDecoder = errorDecoder;
    this.requestIdHeaders = List.copyOf(requestIdHeaders);
    this.clock = clock;
    this.redactor = redactor;
  }

  /** The client's redaction rules: core's generic names plus those its provider registered. */
  public Redactor redactor() {
    return redactor;
  }

  /** The provider's request id from the first configured header present, or {@code null}. */
  public String requestId(Response response) {
    for (String name : requestIdHeaders) {
      String v = response.header(name);
      if (v != null && !v.isBlank()) {
        return v.length() > 128 ? v.substring(0, 128) : v;
      }
    }
    return null;
  }

  /**
   * Handles {@code response}, which the caller closes. Whatever the status, an exception built from
   * the response has the credential values the request carried removed from its message, details
   * and causes: providers echo keys inside 2xx envelopes ({@code EAPI:Invalid key ...}), in parse
   * errors, and JSON-escaped in 4xx bodies.
   */
  public <T> T handle(
      ApiRequest request, Response response, ResponseDecoder<T> decoder, Validator<? super T> validator)
      throws IOException {
    try {
      return handleUnscrubbed(request, response, decoder, validator);
    } catch (TickGuardException e) {
      throw e.redactValues(redactor.secretsOf(SentRequest.of(response)));
    }
  }

  private <T> T handleUnscrubbed(
      ApiRequest request, Response response, ResponseDecoder<T> decoder, Validator<? super T> validator)
      throws IOException {
    String endpoint = request.endpoint().name();
    // Status and request id for an exception; built only when one is thrown (a healthy call never
    // reads the request-id headers here).
    Supplier<ErrorDetails> details = () -> details(response);
    ResponseBody body = response.body();
    String contentType = mediaType(response.header("Content-Type"));
    if (response.code() >= 400) {
      throw errorFor(request, response, details.get(), contentType);
    }
    if (response.code() == 204 || response.code() >= 300 || response.code() < 200) {
      throw new ProviderException(
          "Provider answered " + endpoint + " with HTTP " + response.code() + ", expected a JSON body."
              + (response.isRedirect() ? " Redirects are not followed: they could carry credentials to another host." : ""),
          details.get());
    }
    if (response.code() == 202 && contentType.isEmpty()) {
      // "Accepted" with nothing to say (Saxo's streaming re-authorization, its unsubscribe): an
      // empty body reaches the decoder, which decides whether that is an answer; any body is refused.
      byte[] bytes = BodyReader.read(body, maxBytes, endpoint, details);
      if (bytes.length == 0) {
        return decode(decoder, new BufferedApiResponse(request, 202, response.headers(), bytes, contentType, clock), details);
      }
    }
    if (!contentType.equals(JSON) && !contentType.endsWith("+json")) {
      throw new InvalidResponseException(
          "Content-Type", "Response of " + endpoint + " has Content-Type '"
              + (contentType.isEmpty() ? "(none)" : contentType) + "', expected application/json",
          details.get(), null);
    }
    byte[] bytes = BodyReader.read(body, maxBytes, endpoint, details);
    ApiResponse api = new BufferedApiResponse(request, response.code(), response.headers(), bytes, contentType, clock);
    T value;
    try {
      value = decode(decoder, api, details);
    } catch (AuthenticationException refused) {
      // Kraken and Insightease refuse credentials inside a 200: explain the signature as for a 401.
      throw withSignedPayload(refused, response);
    }
    try {
      validator.validate(value);
    } catch (InvalidResponseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidResponseException(
          "body", "Response of " + endpoint + " failed validation: " + e.getMessage(), details.get(), e);
    }
    return value;
  }

  /** The HTTP status and provider request id of {@code response}, for an exception built from it. */
  private ErrorDetails details(Response response) {
    return ErrorDetails.ofStatus(response.code(), requestId(response));
  }

  /**
   * Checks the answer to a stream connect, whose body is not read here: {@code expected} (200 for a
   * streamed response, 101 for a WebSocket upgrade) passes; an error status becomes the typed
   * exception the error decoder says, any other status a {@link ProviderException}.
   */
  public void requireStreamOpened(ApiRequest request, Response response, int expected) throws IOException {
    if (response.code() == expected) {
      return;
    }
    ErrorDetails details = details(response);
    if (response.code() >= 400) {
      throw errorFor(request, response, details, mediaType(response.header("Content-Type")))
          .redactValues(redactor.secretsOf(SentRequest.of(response)));
    }
    throw new ProviderException(
        "Provider answered the stream connect " + request.endpoint().name() + " with HTTP " + response.code()
            + ", expected " + expected
            + (response.isRedirect() ? ". Redirects are not followed: they could carry credentials to another host." : ""),
        details);
  }

  private static <T> T decode(ResponseDecoder<T> decoder, ApiResponse api, Supplier<ErrorDetails> details) {
    String endpoint = api.request().endpoint().name();
    T value;
    try {
      value = decoder.decode(api);
    } catch (InvalidResponseException e) {
      // A provider decoder knows the field, not the HTTP status or request id: add them for support.
      if (e.details().httpStatus().isPresent()) {
        throw e;
      }
      throw new InvalidResponseException(e.field(), "Response of " + endpoint + ": " + e.getMessage(), details.get(), e);
    } catch (TickGuardException e) {
      throw e;
    } catch (JacksonException e) {
      throw new InvalidResponseException(
          ApiResponse.jsonPath(e), "Response of " + endpoint + " does not decode: " + e.getOriginalMessage(),
          details.get(), e);
    } catch (IllegalArgumentException | NullPointerException | IllegalStateException | ArithmeticException
        | java.time.DateTimeException e) {
      // Model constructors refuse invalid values; report them as an invalid response, not a bug.
      throw new InvalidResponseException(
          "body", "Response of " + endpoint + " holds an invalid value: " + e.getMessage(), details.get(), e);
    }
    if (value == null) {
      throw new InvalidResponseException("body", "Response of " + endpoint + " decoded to nothing", details.get(), null);
    }
    return value;
  }

  private TickGuardException errorFor(
      ApiRequest request, Response response, ErrorDetails details, String contentType) throws IOException {
    byte[] bytes;
    try {
      bytes = BodyReader.read(response.body(), maxBytes, request.endpoint().name(), () -> details);
    } catch (InvalidResponseException tooLarge) {
      bytes = new byte[0]; // the status alone still says what happened
    }
    bytes = scrubEchoedSecrets(bytes, SentRequest.of(response));
    ApiResponse api = new BufferedApiResponse(request, response.code(), response.headers(), bytes, contentType, clock);
    TickGuardException e = errorDecoder.decode(api, details);
    return e instanceof AuthenticationException auth ? withSignedPayload(auth, response) : e;
  }

  /** {@code refused} with the canonical string that was signed, when the request was signed. */
  private static AuthenticationException withSignedPayload(AuthenticationException refused, Response response) {
    SignedPayload signed = SentRequest.of(response).tag(SignedPayload.class);
    if (signed != null && refused.signedPayload().isEmpty()) {
      return refused.withSignedPayload(signed.algorithm(), signed.canonical());
    }
    return refused;
  }

  /**
   * Error bodies sometimes echo the key or token that was sent ("Invalid API-key abc..."); the
   * message built from them would carry it into the caller's logs. Replace those values first.
   */
  private byte[] scrubEchoedSecrets(byte[] body, okhttp3.Request sent) {
    List<String> secrets = redactor.secretsOf(sent);
    if (secrets.isEmpty() || body.length == 0) {
      return body;
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    String scrubbed = text;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, Redactor.REDACTED);
    }
    return scrubbed.equals(text) ? body : scrubbed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * {@code type/subtype} of a Content-Type header, lower-cased, parameters dropped. Read by hand:
   * OkHttp's {@code MediaType} parses with regular expressions, a measurable cost on every call.
   */
  static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    // What providers send ("application/json", "application/json;charset=UTF-8"): no copies.
    if (header.regionMatches(true, 0, JSON, 0, JSON.length())
        && (header.length() == JSON.length() || header.charAt(JSON.length()) == ';')) {
      return JSON;
    }
    int semicolon = header.indexOf(';');
    String essence = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    return essence.toLowerCase(Locale.ROOT);
  }
}
