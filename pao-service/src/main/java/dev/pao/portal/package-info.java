/**
 * The developer portal: its page at {@code /} (static modules and one stylesheet from the WAR,
 * versioned by content hash so they can be cached for good) and the small public configuration it
 * reads at start-up (development sign-in or the OpenID Connect provider). Everything else the
 * portal does goes through the public {@code /api/v1} API.
 */
package dev.pao.portal;
