/**
 * Safe YAML for catalog documents: one document per text, no custom tags or duplicate keys, and
 * bounded size, depth, aliases and nodes; the result is plain maps, lists and scalars in which
 * every value keeps its line and column, so problems can point at the source.
 */
package dev.pao.catalog.yaml;
