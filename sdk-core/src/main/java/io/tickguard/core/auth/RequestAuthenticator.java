package io.tickguard.core.auth;

import io.tickguard.core.ApiRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.Request;

/**
 * The Auth and Sign stages of one client: says which scopes the current credentials grant, and
 * attaches the key, token or signature to each attempt.
 *
 * <p>{@link #authenticate} runs once per attempt, after the throttle granted permits, so a retried
 * signed request gets a fresh timestamp and nonce and is signed again.
 */
public interface RequestAuthenticator {

  /** The scopes the credentials in use right now grant; the Guard stage checks them. */
  Set<Scope> grantedScopes();

  /**
   * Returns {@code request} with credentials attached as {@code apiRequest}'s endpoint demands. An
   * implementation that signs should tag the result with the {@link SignedPayload} it signed, so a
   * rejected signature can be explained.
   */
  Request authenticate(Request request, ApiRequest apiRequest) throws IOException;

  /**
   * Called when {@code rejected} came back with HTTP 401. Returns {@code true} when fresh credentials
   * are now in place so the call may be replayed once; only when the rejected request carried the
   * credential that is current (another caller may already have refreshed it).
   */
  default boolean refreshAfterUnauthorized(Request rejected) {
    return false;
  }

  /**
   * Called by the Guard stage before anything else happens to the call (no throttle permit, no
   * connection): an authenticator that knows it cannot authenticate {@code apiRequest} throws the
   * typed exception here. By default it accepts every request.
   */
  default void checkBeforeSending(ApiRequest apiRequest) {}

  /**
   * No credentials, for a provider whose every non-public call needs a key: such a call is refused
   * in the Guard stage, before any I/O or throttle permit, with a {@link
   * io.tickguard.core.ConfigurationException} whose message is {@code howToFix} (name the real
   * builder method there).
   */
  static RequestAuthenticator missingKey(String howToFix) {
    java.util.Objects.requireNonNull(howToFix, "howToFix");
    return new RequestAuthenticator() {
      @Override
      public Set<Scope> grantedScopes() {
        return Anonymous.MARKET_DATA_ONLY;
      }

      @Override
      public void checkBeforeSending(ApiRequest apiRequest) {
        if (apiRequest.endpoint().authMode() != AuthMode.NONE) {
          throw new io.tickguard.core.ConfigurationException("credentials",
              "Endpoint " + apiRequest.endpoint().name() + " needs an API key and none is configured; nothing was"
                  + " sent. " + howToFix);
        }
      }

      @Override
      public Request authenticate(Request request, ApiRequest apiRequest) {
        checkBeforeSending(apiRequest);
        return request;
      }

      @Override
      public String toString() {
        return "RequestAuthenticator[no key]";
      }
    };
  }

  /** No credentials: public market data only. */
  /**
   * Who this authenticator presents, safe to log and to use as a metric tag: {@code key:} and the
   * redacted key id, {@code token:sha256:} and a hash prefix of the token, or the empty string for an
   * anonymous caller. Never the key, secret or token itself. Used for per-credential usage.
   */
  default String credentialId() {
    return "";
  }

  static RequestAuthenticator anonymous() {
    return Anonymous.INSTANCE;
  }

  /** The authenticator of a client without credentials. */
  enum Anonymous implements RequestAuthenticator {
    INSTANCE;

    /** One unmodifiable set for every call: the Guard stage asks for it on each. */
    private static final Set<Scope> MARKET_DATA_ONLY = Collections.unmodifiableSet(EnumSet.of(Scope.MARKET_DATA));

    @Override
    public Set<Scope> grantedScopes() {
      return MARKET_DATA_ONLY;
    }

    @Override
    public Request authenticate(Request request, ApiRequest apiRequest) {
      if (apiRequest.endpoint().authMode() != AuthMode.NONE) {
        throw new io.tickguard.core.AuthenticationException(
            "Endpoint " + apiRequest.endpoint().name() + " needs credentials; configure them with"
                + " the client builder's credentials(...)");
      }
      return request;
    }
  }
}
