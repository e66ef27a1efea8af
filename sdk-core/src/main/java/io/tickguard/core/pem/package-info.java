/** Reading keys and certificates from PEM and PKCS#12 without registering Bouncy Castle. */
package io.tickguard.core.pem;
