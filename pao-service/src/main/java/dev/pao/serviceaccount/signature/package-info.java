/**
 * HTTP Message Signatures (RFC 9421) as service accounts use them: the {@code Signature-Input}
 * entry, the signature base of §2.5, the algorithms of §3.3, and the {@code Content-Digest} of RFC
 * 9530. Plain Java, no server types.
 */
package dev.pao.serviceaccount.signature;
