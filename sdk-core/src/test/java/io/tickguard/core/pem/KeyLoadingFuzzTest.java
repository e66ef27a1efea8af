package io.tickguard.core.pem;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Key material comes from files and environment variables the user points at, which may be
 * truncated, of another format, or hostile. Loading ends in a key or a {@link PemFormatException}
 * naming the problem; never another exception (Bouncy Castle's and the JDK's parsers throw many).
 *
 * <p>Regression inputs: {@code src/test/resources/io/tickguard/core/pem/KeyLoadingFuzzTestInputs/}.
 */
class KeyLoadingFuzzTest {
  private static final char[] PASSWORD = "fuzz-password".toCharArray();

  @FuzzTest
  void pemPrivateKey(byte[] data) {
    try {
      PrivateKey key = Pem.privateKey(data);
      assertThat(key.getAlgorithm()).isNotBlank();
    } catch (PemFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void pemEncryptedPrivateKey(byte[] data) {
    try {
      PrivateKey key = Pem.privateKey(data, PASSWORD.clone());
      assertThat(key.getAlgorithm()).isNotBlank();
    } catch (PemFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void pemCertificates(byte[] data) {
    try {
      List<X509Certificate> certificates = Pem.certificates(data);
      assertThat(certificates).isNotEmpty().doesNotContainNull();
    } catch (PemFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void pkcs12KeyStore(byte[] data) {
    try {
      Pem.KeyAndChain loaded = Pem.pkcs12(new ByteArrayInputStream(data), PASSWORD.clone(), null);
      assertThat(loaded.chain()).doesNotContainNull();
    } catch (PemFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    try {
      assertThat(Pem.pkcs12Certificates(new ByteArrayInputStream(data), PASSWORD.clone())).doesNotContainNull();
    } catch (PemFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
