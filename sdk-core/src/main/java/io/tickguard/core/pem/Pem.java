package io.tickguard.core.pem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads private keys and certificates from PEM and PKCS#12, with Bouncy Castle's parser.
 *
 * <p>Accepted private keys: PKCS#8 ({@code PRIVATE KEY}, RSA, EC, Ed25519), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE
 * KEY}), the last two optionally with OpenSSL's legacy encryption. Keys become JDK key objects, so
 * signing and TLS keep using the JDK's providers. Keys whose line breaks were lost on the way
 * (pasted into an environment variable or a secret manager: one line, spaces, literal {@code \n},
 * the footer on the last base64 line) are laid out again before parsing.
 *
 * <p>Bouncy Castle is used as a library and, for decrypting keys, as a provider <em>object</em> passed
 * to the decryptor. It is never registered with {@link java.security.Security}: as provider #1 it
 * would replace the JDK's TLS stack and break OkHttp's handshakes.
 */
public final class Pem {
  // An unregistered instance, used only where the JDK lacks a PBE scheme.
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private Pem() {}

  /** Reads the one private key in {@code pem}, which must not be encrypted. */
  public static PrivateKey privateKey(byte[] pem) {
    return privateKey(pem, null);
  }

  /**
   * Reads the one private key in {@code pem}, decrypting it with {@code password} when it is
   * encrypted. The caller keeps ownership of both arrays and should clear them after use.
   */
  public static PrivateKey privateKey(byte[] pem, char[] password) {
    Object object = firstObject(pem, "private key");
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      if (object instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMEncryptedKeyPair encrypted) {
        requirePassword(password);
        PEMKeyPair pair =
            encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password));
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        requirePassword(password);
        InputDecryptorProvider decryptor =
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password);
        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
      }
    } catch (PKCSException | OperatorCreationException e) {
      throw new PemFormatException("Cannot decrypt the private key: wrong password or unsupported cipher", e);
    } catch (IOException e) {
      throw new PemFormatException(
          "The PEM private key is malformed or uses an unsupported algorithm (" + e.getClass().getSimpleName() + ")", e);
    }
    throw new PemFormatException(
        "Expected a private key (PKCS#8 'PRIVATE KEY', PKCS#1 'RSA PRIVATE KEY' or SEC1"
            + " 'EC PRIVATE KEY') but found " + describe(object));
  }

  /** Reads every certificate in {@code pem}, in order (a chain is leaf first). */
  public static List<X509Certificate> certificates(byte[] pem) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      Collection<? extends Certificate> all = factory.generateCertificates(new ByteArrayInputStream(pem));
      List<X509Certificate> result = new ArrayList<>();
      for (Certificate c : all) {
        result.add((X509Certificate) c);
      }
      if (result.isEmpty()) {
        throw new PemFormatException("No 'BEGIN CERTIFICATE' block found in the PEM input");
      }
      return List.copyOf(result);
    } catch (GeneralSecurityException e) {
      throw new PemFormatException("The PEM certificates are malformed: " + e.getMessage(), e);
    }
  }

  /** A private key and its certificate chain, as read from PKCS#12 or PEM. */
  public record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {
    public KeyAndChain {
      chain = List.copyOf(chain);
      if (chain.isEmpty()) {
        throw new PemFormatException("A client certificate chain needs at least one certificate");
      }
    }

    /** Hides the key. */
    @Override
    public String toString() {
      return "KeyAndChain{key=" + key.getAlgorithm() + " (redacted), chain=" + chain.size() + " certs}";
    }
  }

  /**
   * Reads the first key entry of a PKCS#12 store (or the entry {@code alias}, when given) with its
   * certificate chain.
   */
  public static KeyAndChain pkcs12(InputStream in, char[] password, String alias) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String chosen = alias;
      if (chosen == null) {
        Enumeration<String> aliases = store.aliases();
        while (aliases.hasMoreElements()) {
          String a = aliases.nextElement();
          if (store.isKeyEntry(a)) {
            chosen = a;
            break;
          }
        }
      }
      if (chosen == null || !store.isKeyEntry(chosen)) {
        throw new PemFormatException(
            alias == null ? "The PKCS#12 store holds no private key entry" : "The PKCS#12 store has no key entry '" + alias + "'");
      }
      PrivateKey key = (PrivateKey) store.getKey(chosen, password);
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : store.getCertificateChain(chosen)) {
        chain.add((X509Certificate) c);
      }
      return new KeyAndChain(key, chain);
    } catch (IOException e) {
      throw new PemFormatException("Cannot read the PKCS#12 store: wrong password or not PKCS#12", e);
    } catch (GeneralSecurityException e) {
      throw new PemFormatException("Cannot read the PKCS#12 store: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Reads every trusted certificate of a PKCS#12 trust store. */
  public static List<X509Certificate> pkcs12Certificates(InputStream in, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      List<X509Certificate> result = new ArrayList<>();
      for (Enumeration<String> e = store.aliases(); e.hasMoreElements(); ) {
        Certificate c = store.getCertificate(e.nextElement());
        if (c instanceof X509Certificate x) {
          result.add(x);
        }
      }
      if (result.isEmpty()) {
        throw new PemFormatException("The PKCS#12 store holds no certificate");
      }
      return List.copyOf(result);
    } catch (IOException e) {
      throw new PemFormatException("Cannot read the PKCS#12 store: wrong password or not PKCS#12", e);
    } catch (GeneralSecurityException e) {
      throw new PemFormatException("Cannot read the PKCS#12 store: " + e.getClass().getSimpleName(), e);
    }
  }

  private static Object firstObject(byte[] pem, String expected) {
    byte[] canonical = PemText.canonical(pem, expected);
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(canonical), StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      if (object == null) {
        throw new PemFormatException("No PEM block found where a " + expected + " was expected");
      }
      return object;
    } catch (IOException e) {
      throw new PemFormatException("The PEM block's base64 does not decode to a key structure (ASN.1): the value "
          + "is corrupted or not a key (" + e.getClass().getSimpleName() + ")", e);
    } finally {
      Arrays.fill(canonical, (byte) 0);
    }
  }

  private static void requirePassword(char[] password) {
    if (password == null || password.length == 0) {
      throw new PemFormatException("The private key is encrypted: pass its password");
    }
  }

  private static String describe(Object object) {
    return object == null ? "nothing" : "a " + object.getClass().getSimpleName();
  }

  /**
   * Encodes DER bytes as one PEM block with {@code label} ({@code PRIVATE KEY}, {@code CERTIFICATE},
   * ...), 64 base64 characters a line. The caller owns both arrays; clear them when they hold a key.
   */
  public static byte[] encode(String label, byte[] der) {
    if (!label.matches("[A-Z0-9 ]{1,40}")) {
      throw new IllegalArgumentException("A PEM label is upper-case letters, digits and spaces: " + label);
    }
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Clears {@code chars}; a convenience for callers that read passwords. */
  public static void clear(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }
}
