package io.tickguard.core.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.junit.jupiter.api.Test;

class PemTest {
  private static final HeldCertificate RSA = new HeldCertificate.Builder().rsa2048().commonName("rsa").build();
  private static final HeldCertificate EC = new HeldCertificate.Builder().ecdsa256().commonName("ec").build();

  @Test
  void pkcs8RsaKeyIsRead() {
    PrivateKey key = Pem.privateKey(ascii(RSA.privateKeyPkcs8Pem()));

    assertThat(key.getEncoded()).isEqualTo(RSA.keyPair().getPrivate().getEncoded());
  }

  @Test
  void pkcs8EcKeyIsRead() {
    PrivateKey key = Pem.privateKey(ascii(EC.privateKeyPkcs8Pem()));

    assertThat(key.getAlgorithm()).isEqualTo("EC");
    assertThat(key.getEncoded()).isEqualTo(EC.keyPair().getPrivate().getEncoded());
  }

  @Test
  void pkcs1RsaKeyIsRead() {
    String pem = RSA.privateKeyPkcs1Pem();

    PrivateKey key = Pem.privateKey(ascii(pem));

    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(key.getEncoded()).isEqualTo(RSA.keyPair().getPrivate().getEncoded());
  }

  @Test
  void sec1EcKeyIsRead() throws Exception {
    KeyPair pair = generate("EC");
    String pem = sec1(pair);

    PrivateKey key = Pem.privateKey(ascii(pem));

    assertThat(pem).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(key.getAlgorithm()).isEqualTo("EC");
    assertThat(((java.security.interfaces.ECPrivateKey) key).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS());
  }

  @Test
  void ed25519Pkcs8KeyIsRead() throws Exception {
    KeyPair pair = generate("Ed25519");
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";

    PrivateKey key = Pem.privateKey(ascii(pem));

    assertThat(key.getAlgorithm()).isIn("Ed25519", "EdDSA");
    assertThat(signatureVerifies(key, pair)).isTrue();
  }

  @Test
  void encryptedPkcs8KeyIsReadWithItsPassword() throws Exception {
    char[] password = "s3cret-pass".toCharArray();
    String pem = encryptedPkcs8(RSA.keyPair().getPrivate(), password);

    PrivateKey key = Pem.privateKey(ascii(pem), password);

    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(key.getEncoded()).isEqualTo(RSA.keyPair().getPrivate().getEncoded());
  }

  @Test
  void encryptedKeyWithoutPasswordAsksForIt() throws Exception {
    String pem = encryptedPkcs8(EC.keyPair().getPrivate(), "pw".toCharArray());

    assertThatThrownBy(() -> Pem.privateKey(ascii(pem)))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("encrypted");
  }

  @Test
  void encryptedKeyWithWrongPasswordFailsClearly() throws Exception {
    String pem = encryptedPkcs8(EC.keyPair().getPrivate(), "right".toCharArray());

    assertThatThrownBy(() -> Pem.privateKey(ascii(pem), "wrong".toCharArray()))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("wrong password");
  }

  @Test
  void chainIsReadLeafFirst() {
    HeldCertificate ca = new HeldCertificate.Builder().commonName("ca").certificateAuthority(0).build();
    HeldCertificate leaf = new HeldCertificate.Builder().commonName("leaf").signedBy(ca).build();

    List<X509Certificate> chain = Pem.certificates(ascii(leaf.certificatePem() + ca.certificatePem()));

    assertThat(chain).containsExactly(leaf.certificate(), ca.certificate());
  }

  @Test
  void pkcs12KeyEntryIsReadByAliasOrAsTheFirstKeyEntry() throws Exception {
    char[] password = "p12".toCharArray();
    byte[] store = pkcs12(password);

    Pem.KeyAndChain byAlias = Pem.pkcs12(new ByteArrayInputStream(store), password, "client");
    Pem.KeyAndChain first = Pem.pkcs12(new ByteArrayInputStream(store), password, null);

    assertThat(byAlias.chain()).containsExactly(EC.certificate());
    assertThat(byAlias.key().getEncoded()).isEqualTo(EC.keyPair().getPrivate().getEncoded());
    assertThat(first.chain()).isEqualTo(byAlias.chain());
    assertThat(byAlias.toString()).contains("redacted").doesNotContain(
        Base64.getEncoder().encodeToString(EC.keyPair().getPrivate().getEncoded()));
  }

  @Test
  void pkcs12TrustStoreCertificatesAreRead() throws Exception {
    char[] password = "p12".toCharArray();

    List<X509Certificate> roots = Pem.pkcs12Certificates(new ByteArrayInputStream(pkcs12(password)), password);

    assertThat(roots).contains(RSA.certificate());
  }

  @Test
  void pkcs12WithWrongPasswordFailsClearly() throws Exception {
    byte[] store = pkcs12("right".toCharArray());

    assertThatThrownBy(() -> Pem.pkcs12(new ByteArrayInputStream(store), "wrong".toCharArray(), null))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("wrong password");
  }

  @Test
  void pkcs12MissingAliasIsNamed() throws Exception {
    char[] password = "p12".toCharArray();

    assertThatThrownBy(() -> Pem.pkcs12(new ByteArrayInputStream(pkcs12(password)), password, "nope"))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void garbageIsNotAKey() {
    assertThatThrownBy(() -> Pem.privateKey(ascii("hello, not a key")))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("No PEM block");
  }

  @Test
  void certificateGivenWhereAKeyIsExpectedIsNamed() {
    assertThatThrownBy(() -> Pem.privateKey(ascii(EC.certificatePem())))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("Expected a private key");
  }

  @Test
  void garbageIsNotACertificate() {
    assertThatThrownBy(() -> Pem.certificates(ascii("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")))
        .isInstanceOf(PemFormatException.class);
    assertThatThrownBy(() -> Pem.certificates(new byte[0])).isInstanceOf(PemFormatException.class);
  }

  @Test
  void corruptKeyBodyFailsWithoutQuotingIt() {
    String body = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=";

    assertThatThrownBy(() -> Pem.privateKey(ascii("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")))
        .isInstanceOf(PemFormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** SEC1 as OpenSSL writes it ({@code openssl ecparam -genkey}): curve OID and public key included. */
  private static String sec1(KeyPair pair) throws IOException {
    java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey) pair.getPrivate();
    var curve = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
    var structure = new org.bouncycastle.asn1.sec.ECPrivateKey(
        256, key.getS(), curve.getPublicKeyData(), curve.getAlgorithm().getParameters());
    return "-----BEGIN EC PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(structure.getEncoded())
        + "\n-----END EC PRIVATE KEY-----\n";
  }

  private static KeyPair generate(String algorithm) throws GeneralSecurityException {
    return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
  }

  private static String writePem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  private static String encryptedPkcs8(PrivateKey key, char[] password) throws IOException, OperatorCreationException {
    // An unregistered provider object: Bouncy Castle never joins the JCA provider list.
    var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
        .setProvider(new BouncyCastleProvider())
        .setPassword(password)
        .build();
    return writePem(new JcaPKCS8Generator(key, encryptor));
  }

  private static byte[] pkcs12(char[] password) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("client", EC.keyPair().getPrivate(), password, new X509Certificate[] {EC.certificate()});
    store.setCertificateEntry("root", RSA.certificate());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);
    return out.toByteArray();
  }

  private static boolean signatureVerifies(PrivateKey key, KeyPair pair) throws GeneralSecurityException {
    byte[] data = ascii("tickguard");
    java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
    verifier.initVerify(pair.getPublic());
    verifier.update(data);
    return verifier.verify(signature);
  }

  @Test
  void encodedPkcs8KeyReadsBackAsTheSameKey() throws GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
    byte[] pem = Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded());

    assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Pem.privateKey(pem).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
  }

  @Test
  void encodeRefusesALabelThatWouldBreakTheBlock() {
    assertThatThrownBy(() -> Pem.encode("KEY-----\n", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
