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

  /** Attaches only the key, for endpoints that take the key without a signature. */
  Request attachKey(Request request, ApiCredentials credentials);
}
