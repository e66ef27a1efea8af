package io.tickguard.core.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;

/**
 * Keys whose PEM lost its line breaks on the way (an environment variable, a secret manager, a
 * YAML value) are read like the originals, in every format {@link Pem} accepts; what is really
 * broken is refused with a message that says which part.
 */
class PemLayoutTest {
  private static final HeldCertificate RSA = new HeldCertificate.Builder().rsa2048().commonName("rsa").build();
  private static final char[] PASSWORD = "correct horse".toCharArray();

  /** The layouts keys arrive in after copy and paste. */
  private static final List<UnaryOperator<String>> DAMAGE = List.of(
      pem -> pem.replace("\r", "").replace("\n", ""),                       // no line breaks at all
      pem -> pem.replace("\n-----END", "-----END"),                         // footer on the last base64 line
      pem -> pem.replace("\n", " "),                                        // breaks became spaces
      pem -> pem.replace("\n", "\\n"),                                      // breaks became the two characters \n
      pem -> pem.replace("\n", "\r\n"),                                     // Windows line ends
      pem -> "  " + pem.replace("\n", "\n    ") + "  ");                    // indented as in YAML

  private static void readsUnderEveryDamage(String pem, char[] password, byte[] expectedEncoded) {
    for (UnaryOperator<String> damage : DAMAGE) {
      String damaged = damage.apply(pem);
      PrivateKey key = Pem.privateKey(damaged.getBytes(StandardCharsets.US_ASCII), password);
      assertThat(key.getEncoded()).as(damaged.substring(0, Math.min(60, damaged.length()))).isEqualTo(expectedEncoded);
    }
  }

  @Test
  void plainPkcs8RsaKeyWithoutLineBreaksIsRead() {
    readsUnderEveryDamage(RSA.privateKeyPkcs8Pem(), null, RSA.keyPair().getPrivate().getEncoded());
  }

  @Test
  void pkcs1RsaKeyWithoutLineBreaksIsRead() {
    readsUnderEveryDamage(RSA.privateKeyPkcs1Pem(), null, RSA.keyPair().getPrivate().getEncoded());
  }

  @Test
  void encryptedPkcs8KeyWithoutLineBreaksIsRead() throws Exception {
    var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
        .setProvider(new BouncyCastleProvider()).setPassword(PASSWORD).build();
    String pem = write(new JcaPKCS8Generator(RSA.keyPair().getPrivate(), encryptor));
    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    readsUnderEveryDamage(pem, PASSWORD, RSA.keyPair().getPrivate().getEncoded());
  }

  @Test
  void legacyEncryptedPkcs1KeyWhoseHeadersRanIntoTheBase64IsRead() throws Exception {
    for (String cipher : List.of("AES-256-CBC", "DES-EDE3-CBC")) {
      String pem = write(RSA.keyPair().getPrivate(),
          new JcePEMEncryptorBuilder(cipher).setProvider(new BouncyCastleProvider()).build(PASSWORD));
      assertThat(pem).contains("Proc-Type: 4,ENCRYPTED").contains("DEK-Info: " + cipher);
      readsUnderEveryDamage(pem, PASSWORD, RSA.keyPair().getPrivate().getEncoded());
    }
  }

  @Test
  void sec1EcKeyWithoutLineBreaksIsRead() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
    var publicKey = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
    var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((ECPrivateKey) pair.getPrivate()).getS(),
        publicKey.getPublicKeyData(), publicKey.getAlgorithm().getParameters());
    String pem = new String(Pem.encode("EC PRIVATE KEY", sec1.getEncoded()), StandardCharsets.US_ASCII);
    assertThat(pem).startsWith("-----BEGIN EC PRIVATE KEY-----");
    for (UnaryOperator<String> damage : DAMAGE) {
      PrivateKey key = Pem.privateKey(damage.apply(pem).getBytes(StandardCharsets.US_ASCII));
      assertThat(((ECPrivateKey) key).getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    }
  }

  @Test
  void keyCutShortBeforeItsFooterSaysTheFooterIsMissing() {
    String pem = RSA.privateKeyPkcs8Pem();
    String cut = pem.substring(0, pem.indexOf("-----END"));
    assertThatThrownBy(() -> Pem.privateKey(cut.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PemFormatException.class).hasMessageContaining("no matching '-----END PRIVATE KEY-----'");
  }

  @Test
  void footerNamingAnotherTypeIsRefused() {
    String pem = RSA.privateKeyPkcs8Pem().replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
    assertThatThrownBy(() -> Pem.privateKey(pem.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PemFormatException.class).hasMessageContaining("no matching");
  }

  @Test
  void nonBase64CharacterInsideTheBlockIsNamedWithoutQuotingTheKey() {
    String pem = RSA.privateKeyPkcs8Pem();
    int at = pem.indexOf('\n', pem.indexOf("-----BEGIN")) + 10;
    String broken = pem.substring(0, at) + "*" + pem.substring(at + 1);
    assertThatThrownBy(() -> Pem.privateKey(broken.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("not base64")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(pem.substring(at - 9, at)));
  }

  @Test
  void truncatedBase64IsRefusedAsCutOrEdited() {
    String pem = RSA.privateKeyPkcs8Pem();
    int end = pem.indexOf("\n-----END");
    String broken = pem.substring(0, end - 3) + pem.substring(end);
    assertThatThrownBy(() -> Pem.privateKey(broken.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PemFormatException.class).hasMessageContaining("not valid base64");
  }

  @Test
  void validBase64ThatIsNotAKeyStructureIsRefusedAsCorrupted() {
    String body = Base64.getEncoder().encodeToString("definitely not ASN.1 key bytes".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Pem.privateKey(("-----BEGIN PRIVATE KEY-----" + body + "-----END PRIVATE KEY-----")
        .getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(PemFormatException.class).hasMessageContaining("does not decode to a key structure");
  }

  @Test
  void emptyBlockIsRefused() {
    assertThatThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY----------END PRIVATE KEY-----"
        .getBytes(StandardCharsets.US_ASCII))).isInstanceOf(PemFormatException.class).hasMessageContaining("empty");
  }

  @Test
  void encryptedHeadersWithoutAnIvAreRefused() {
    assertThatThrownBy(() -> Pem.privateKey(("-----BEGIN RSA PRIVATE KEY-----Proc-Type: 4,ENCRYPTEDDEK-Info: AES-256-CBC,"
        + "XYZ-----END RSA PRIVATE KEY-----").getBytes(StandardCharsets.US_ASCII), PASSWORD))
        .isInstanceOf(PemFormatException.class).hasMessageContaining("IV");
  }

  private static String write(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  private static String write(Object object, org.bouncycastle.openssl.PEMEncryptor encryptor) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object, encryptor);
    }
    return out.toString();
  }
}
