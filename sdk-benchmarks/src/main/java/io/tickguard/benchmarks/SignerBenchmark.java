package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.RawHmac;
import io.tickguard.benchmarks.fixture.SignedBookTickerCall;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.Signers;
import io.tickguard.crypto.binance.BinanceSigners;
import io.tickguard.crypto.coinbase.CoinbaseSigners;
import io.tickguard.crypto.kraken.KrakenSigners;
import io.tickguard.core.auth.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every provider signer (built from core's {@link Signers} blocks) on the same signed GET, keys prepared once as in production. The
 * Binance HMAC signer is paired with a hand-written HMAC of the same canonical string; the others
 * have no raw twin worth writing and are reported alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignerBenchmark {
  private final RequestSigner binanceHmac = BinanceSigners.hmac();
  private final RequestSigner kraken = KrakenSigners.apiSign();
  private final RequestSigner coinbaseExchange = CoinbaseSigners.exchangeHmac();
  private final RequestSigner okx = Signers.hmac(
      Signers.Hmac.SHA256, Signers.SecretEncoding.TEXT,
      Signers.Message.text(in -> in.timestamp() + in.method() + in.pathAndQuery() + in.body()),
      Signers.SignatureEncoding.BASE64);
  private final RequestSigner ed25519 = BinanceSigners.ed25519();
  private final RequestSigner rsa = BinanceSigners.rsa();
  private final RequestSigner cdpJwt = CoinbaseSigners.cdpJwt();

  private SigningInput input;
  private String rawCanonical;
  private RawHmac rawHmac;
  private ApiCredentials hmacText;
  private ApiCredentials hmacBase64;
  private ApiCredentials ed25519Key;
  private ApiCredentials rsaKey;
  private ApiCredentials ecKey;

  @Setup
  public void prepare() throws GeneralSecurityException {
    Instant now = Instant.ofEpochMilli(1_700_000_000_000L);
    rawCanonical = SignedBookTickerCall.rawQuery(now.toEpochMilli());
    input = SignedBookTickerCall.signingInput(now);
    rawHmac = SignedBookTickerCall.rawHmac();

    byte[] secret = SignedBookTickerCall.SECRET.getBytes(StandardCharsets.UTF_8);
    hmacText = ApiCredentials.hmac(SignedBookTickerCall.API_KEY, Secret.ofBytes(secret));
    byte[] base64 = Base64.getEncoder().encode(secret); // Kraken and Coinbase issue base64 secrets
    hmacBase64 = ApiCredentials.hmac(SignedBookTickerCall.API_KEY, Secret.ofBytes(base64));
    ed25519Key = ApiCredentials.ofPrivateKey("ed-key", KeyType.ED25519, generate("Ed25519", null));
    rsaKey = ApiCredentials.ofPrivateKey("rsa-key", KeyType.RSA, generate("RSA", null));
    ecKey = ApiCredentials.ofPrivateKey(
        "organizations/bench/apiKeys/bench", KeyType.EC_P256, generate("EC", new ECGenParameterSpec("secp256r1")));
  }

  private static PrivateKey generate(String algorithm, ECGenParameterSpec curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (curve != null) {
      generator.initialize(curve);
    } else if (algorithm.equals("RSA")) {
      generator.initialize(2048);
    }
    return generator.generateKeyPair().getPrivate();
  }

  @Benchmark
  public RequestSignature hmacSha256HexOfQueryAndBodyTickGuard() {
    return binanceHmac.sign(input, hmacText);
  }

  @Benchmark
  public String hmacSha256HexOfQueryAndBodyRaw() {
    return rawHmac.signHex(rawCanonical);
  }

  @Benchmark
  public RequestSignature krakenHmacSha512() {
    return kraken.sign(input, hmacBase64);
  }

  @Benchmark
  public RequestSignature hmacSha256Base64OfPrehashCoinbase() {
    return coinbaseExchange.sign(input, hmacBase64);
  }

  @Benchmark
  public RequestSignature hmacSha256Base64OfPrehashOkx() {
    return okx.sign(input, hmacText);
  }

  @Benchmark
  public RequestSignature ed25519OfQueryAndBody() {
    return ed25519.sign(input, ed25519Key);
  }

  @Benchmark
  public RequestSignature rsaSha256OfQueryAndBody() {
    return rsa.sign(input, rsaKey);
  }

  @Benchmark
  public RequestSignature coinbaseCdpJwt() {
    return cdpJwt.sign(input, ecKey);
  }
}
