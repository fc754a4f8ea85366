/**
 * Governance decided at submission from what the catalog declares: entitlements ({@code
 * spec.access}), the policies of {@code policies/} (allowed values, quotas, auto-approval) and the
 * approval gates a request must pass. Pure decisions over the catalog snapshot, the form data and
 * the caller; the request lifecycle applies them.
 */
package dev.pao.governance;
