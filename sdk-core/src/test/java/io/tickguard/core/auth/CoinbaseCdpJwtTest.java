package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.time.ServerClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import okhttp3.Request;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coinbase CDP (Advanced Trade) ES256 JWTs: header and claims as Coinbase documents them (see
 * {@code fixtures/README.md}), the signature checked with the public key. ECDSA is randomised, so
 * there is no published token to compare with; verification is the proof.
 */
class CoinbaseCdpJwtTest {
  private static final String KEY_NAME = "organizations/0f1e2d3c-aaaa-bbbb-cccc-000000000001/apiKeys/key-1";
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Endpoint ACCOUNTS =
      Endpoint.builder("accounts", HttpMethod.GET, "/api/v3/brokerage/accounts").auth(AuthMode.SIGNED).build();

  private static KeyPair keys;
  private static ApiCredentials credentials;

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    keys = generator.generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    credentials = ApiCredentials.ecP256(KEY_NAME, Fixtures.secret(pem));
  }

  private static SigningAuthenticator cdpAuthenticator() {
    return SigningAuthenticator.builder()
        .credentials(credentials)
        .signer(cdpJwt())
        .placement(AttachRule.builder().signatureAsBearerToken().build())
        .serverClock(ServerClock.uncorrected(Clock.fixed(NOW, ZoneOffset.UTC)))
        .build();
  }

  private static String signedJwt(SigningAuthenticator auth) throws Exception {
    Request plain = new Request.Builder().url("https://api.coinbase.com/api/v3/brokerage/accounts?limit=5").build();
    String header = auth.authenticate(plain, ACCOUNTS.request().build()).header("Authorization");
    assertThat(header).startsWith("Bearer ");
    return header.substring("Bearer ".length());
  }

  private static JsonNode part(String jwt, int index) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
  }

  @Test
  void headerCarriesEs256TheKeyNameAsKidARandomHexNonceAndTypJwt() throws Exception {
    JsonNode header = part(signedJwt(cdpAuthenticator()), 0);

    assertThat(header.get("alg").stringValue()).isEqualTo("ES256");
    assertThat(header.get("kid").stringValue()).isEqualTo(KEY_NAME);
    assertThat(header.get("typ").stringValue()).isEqualTo("JWT");
    assertThat(header.get("nonce").stringValue()).matches("[0-9a-f]{32}");
    assertThat(header.propertyNames()).containsExactlyInAnyOrder("alg", "kid", "nonce", "typ");
  }

  @Test
  void claimsNameTheKeyIssuerCdpATwoMinuteWindowAndTheRequestUriWithoutQuery() throws Exception {
    JsonNode claims = part(signedJwt(cdpAuthenticator()), 1);

    assertThat(claims.get("sub").stringValue()).isEqualTo(KEY_NAME);
    assertThat(claims.get("iss").stringValue()).isEqualTo("cdp");
    assertThat(claims.get("nbf").longValue()).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.get("exp").longValue()).isEqualTo(NOW.getEpochSecond() + 120);
    assertThat(claims.get("uri").stringValue()).isEqualTo("GET api.coinbase.com/api/v3/brokerage/accounts");
    assertThat(claims.propertyNames()).containsExactlyInAnyOrder("sub", "iss", "nbf", "exp", "uri");
  }

  @Test
  void signatureIsJoseRAndSAndVerifiesWithThePublicKey() throws Exception {
    String jwt = signedJwt(cdpAuthenticator());
    String[] parts = jwt.split("\\.");
    byte[] jose = Base64.getUrlDecoder().decode(parts[2]);

    assertThat(jose).hasSize(64); // R || S, not DER: DER here is the classic "every token rejected" bug
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    assertThat(verify(keys.getPublic(), signingInput, jose)).isTrue();
    byte[] tampered = (parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII);
    assertThat(verify(keys.getPublic(), tampered, jose)).isFalse();
  }

  @Test
  void everyRequestGetsAFreshNonceAndSoADifferentToken() throws Exception {
    SigningAuthenticator auth = cdpAuthenticator();
    Set<String> nonces = new HashSet<>();
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String jwt = signedJwt(auth);
      tokens.add(jwt);
      nonces.add(part(jwt, 0).get("nonce").stringValue());
    }

    assertThat(nonces).hasSize(50);
    assertThat(tokens).hasSize(50);
  }

  @Test
  void keyIsParsedOnceWhenTheCredentialsAreCreatedNotPerRequest() throws Exception {
    var parsed = credentials.privateKey().orElseThrow();
    SigningAuthenticator auth = cdpAuthenticator();
    for (int i = 0; i < 3; i++) {
      String[] parts = signedJwt(auth).split("\\.");
      byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      assertThat(verify(keys.getPublic(), input, Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    // The same parsed key object serves every signature: no PEM is read on the request path.
    assertThat(credentials.privateKey().orElseThrow()).isSameAs(parsed);
  }

  @Test
  void nonEcCredentialsAreRefusedWithTheReason() {
    ApiCredentials hmac = ApiCredentials.hmac("abcdefgh12", Fixtures.secret("s"));
    SigningInput input = Fixtures.input("GET", "/api/v3/brokerage/accounts", "", "", "1700000000", 1);

    assertThatThrownBy(() -> cdpJwt().sign(input, hmac))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EC P-256");
  }

  @Test
  void es256OnlySignerRefusesAnEd25519KeyAndTheCdpSignerSignsItWithEdDsa() throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ApiCredentials edKey = ApiCredentials.ofPrivateKey(KEY_NAME, KeyType.ED25519, ed.getPrivate());
    SigningInput input = new SigningInput("GET", "api.coinbase.com", "/api/v3/brokerage/accounts", "limit=5", "",
        NOW, "1700000000", 1);

    assertThatThrownBy(() -> cdpJwt().sign(input, edKey))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EC P-256").hasMessageContaining("ED25519");

    RequestSignature signed = Signers.jwt("cdp", java.time.Duration.ofSeconds(120)).sign(input, edKey);
    String[] parts = signed.value().split("\\.");
    assertThat(part(signed.value(), 0).get("alg").asString()).isEqualTo("EdDSA");
    JsonNode claims = part(signed.value(), 1);
    assertThat(claims.get("uri").asString()).isEqualTo("GET api.coinbase.com/api/v3/brokerage/accounts");
    assertThat(claims.get("exp").asLong() - claims.get("nbf").asLong()).isEqualTo(120);
    assertThat(signed.payload().algorithm()).isEqualTo("EdDSA-JWT");
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(ed.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    // The same signer still signs an EC P-256 key with ES256.
    assertThat(part(Signers.jwt("cdp", java.time.Duration.ofSeconds(120)).sign(input, credentials).value(), 0)
        .get("alg").asString()).isEqualTo("ES256");
  }

  /**
   * Verifies a JOSE {@code R || S} signature with the JDK, converting to DER with Bouncy Castle's
   * ASN.1 classes: independent of TickGuard's own converter, so a bug there cannot hide here.
   */
  private static boolean verify(PublicKey key, byte[] data, byte[] jose) throws Exception {
    ASN1EncodableVector rs = new ASN1EncodableVector();
    rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(jose, 0, 32))));
    rs.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(jose, 32, 64))));
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(new DERSequence(rs).getEncoded());
  }

  /**
   * Coinbase's CDP configuration of core's generic ES256 JWT block (issuer {@code cdp}, two-minute
   * lifetime, random nonce), which sdk-crypto's {@code CoinbaseSigners.cdpJwt()} names.
   */
  private static RequestSigner cdpJwt() {
    return Signers.es256Jwt("cdp", java.time.Duration.ofSeconds(120));
  }
}
