/** Domain validation of decoded responses. */
package io.tickguard.core.validate;
