/**
 * Safe YAML for catalog documents: no custom tags, bounded size, depth and aliases; every value
 * keeps its line and column so problems can point at the source.
 */
package dev.pao.catalog.yaml;
