/**
 * Previews of what a catalog document will do: every action rendered with sample form data as the
 * request runner would, sensitive values masked, bundle components in run order. Shared by the
 * service's preview endpoint and devctl's offline preview so the two never disagree.
 */
package dev.pao.catalog.preview;
