package io.tickguard.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

/** The sandbox's certificates made on a second thread: handed over, or their failure rethrown, and the thread gone. */
class CertificateGenerationTest {

  @Test
  void theCertificatesMadeOnTheSecondThreadAreHandedOver() {
    CertificateGeneration generation = CertificateGeneration.begin();
    SandboxCertificates certificates = generation.await();
    generation.awaitQuietly();
    assertThat(certificates.leafPin()).startsWith("sha256/").isNotEqualTo(certificates.backupPin());
    assertThat(certificates.backupPin()).matches("sha256/[A-Za-z0-9+/]{43}=");
    assertThat(generation.running()).isFalse();
  }

  @Test
  void thePinOfABareKeyIsThePinOkHttpComputesForACertificateOfThatKey() {
    okhttp3.tls.HeldCertificate held = new okhttp3.tls.HeldCertificate.Builder().build();
    assertThat(SandboxCertificates.pinOf(held.keyPair().getPublic())).isEqualTo(okhttp3.CertificatePinner.pin(held.certificate()));
  }

  @Test
  void anUncheckedFailureIsRethrownAsItIs() {
    IllegalStateException failure = new IllegalStateException("no EC provider");
    CertificateGeneration generation = CertificateGeneration.begin(() -> {
      throw failure;
    });
    assertThatThrownBy(generation::await).isSameAs(failure);
    generation.awaitQuietly();
    assertThat(generation.running()).isFalse();
  }

  @Test
  void aCheckedFailureIsWrappedWithItsCause() {
    GeneralSecurityException failure = new GeneralSecurityException("P-256 unavailable");
    CertificateGeneration generation = CertificateGeneration.begin(() -> {
      throw failure;
    });
    assertThatThrownBy(generation::await).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sandbox certificates").hasCause(failure);
  }
}
