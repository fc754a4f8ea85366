/**
 * Turning the files of one catalog commit into the next validated snapshot: the placement rules (an
 * item's folder is its category, bundles in {@code bundles/}), unique ids, CODEOWNERS ownership,
 * items checked before the bundles that use them, and keeping the last valid version of a rejected
 * document. Plain Java: the service's sync uses it, and so can any tool that reads a catalog.
 */
package dev.pao.catalog.load;
