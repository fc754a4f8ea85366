/**
 * Turning the files of one catalog commit (or a checkout on disk) into a validated snapshot:
 * placement rules (folder = category), CODEOWNERS ownership, and keeping the last valid version of
 * a rejected document. Shared by the service's sync and the offline validator.
 */
package dev.pao.catalog.load;
