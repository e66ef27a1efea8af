package io.tickguard.core.auth;

import java.time.Instant;
import okhttp3.Request;

/**
 * How one provider wants its key, freshness values and signature attached to a request. Providers
 * configure an {@link AttachRule}; an unusual provider implements this interface itself.
 */
public interface SignaturePlacement {

  /** The timestamp as the provider expects its text (epoch millis by default). */
  default String formatTimestamp(Instant time) {
    return Long.toString(time.toEpochMilli());
  }

  /** Adds what the signature must cover besides the call itself: timestamp, nonce, recvWindow. */
  Request prepare(Request request, ApiCredentials credentials, Freshness freshness);

  /** Attaches the key and the signature to the prepared request. */
  Request attach(Request prepared, ApiCredentials credentials, Freshness freshness, RequestSignature signature);

  /**
   * Prepares {@code request}, has {@code signer} sign it and attaches the result: the whole Sign step
   * of one attempt. The default runs {@link #prepare}, the signer and {@link #attach} in turn; a
   * placement that can build the signed request in one pass (as {@link AttachRule} does) overrides
   * it. Whatever it does, the request it returns carries exactly the bytes the signer signed.
   */
  default Request sign(Request request, ApiCredentials credentials, Freshness freshness, RequestSigner signer) {
    Request prepared = prepare(request, credentials, freshness);
    RequestSignature signature = signer.sign(SigningInput.of(prepared, freshness), credentials);
    return attach(prepared, credentials, freshness, signature);
  }

  /** Attaches only the key, for endpoints that take the key without a signature. */
  Request attachKey(Request request, ApiCredentials credentials);
}
