/**
 * The HTTP edge of service accounts: the admin resource and the filter that authenticates signed
 * calls (RFC 9421) as their service account.
 */
package dev.pao.serviceaccount.api;
