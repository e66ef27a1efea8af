package io.tickguard.testkit.testing;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Request;
import okio.Buffer;

/**
 * A test-only signer for the demo scheme, written from its documentation (docs/sandbox.md) rather
 * than from the server's code, with knobs to misbehave: a fixed nonce, a clock offset, a tampered
 * signature.
 */
public final class DemoSigner implements RequestAuthenticator {
  private final String key;
  private final byte[] secret;
  private final Set<Scope> claimed;
  private final Clock clock;
  private final AtomicLong nonces = new AtomicLong();
  private volatile String fixedNonce;
  private volatile Duration offset = Duration.ZERO;
  private volatile boolean tamper;

  public DemoSigner(String key, String secret, Clock clock, Scope... claimed) {
    this.key = key;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.claimed = claimed.length == 0 ? EnumSet.allOf(Scope.class) : EnumSet.copyOf(Set.of(claimed));
  }

  public DemoSigner fixedNonce(String nonce) {
    this.fixedNonce = nonce;
    return this;
  }

  public DemoSigner clockOffset(Duration offset) {
    this.offset = offset;
    return this;
  }

  public DemoSigner tamper(boolean tamper) {
    this.tamper = tamper;
    return this;
  }

  @Override
  public Set<Scope> grantedScopes() {
    return claimed;
  }

  @Override
  public Request authenticate(Request request, ApiRequest apiRequest) throws IOException {
    if (apiRequest.endpoint().authMode() != AuthMode.SIGNED) {
      return request;
    }
    String timestamp = Long.toString(clock.instant().plus(offset).toEpochMilli());
    String nonce = fixedNonce != null ? fixedNonce : "n" + nonces.incrementAndGet();
    String body = "";
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      body = buffer.readUtf8();
    }
    String query = request.url().encodedQuery();
    String pathAndQuery = request.url().encodedPath() + (query == null ? "" : "?" + query);
    String signed = timestamp + "\n" + nonce + "\n" + request.method() + "\n" + pathAndQuery + "\n" + body;
    String signature = hmacHex(signed);
    if (tamper) {
      signature = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
    }
    return request.newBuilder()
        .header("TG-APIKEY", key).header("TG-TIMESTAMP", timestamp)
        .header("TG-NONCE", nonce).header("TG-SIGNATURE", signature).build();
  }

  private String hmacHex(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
