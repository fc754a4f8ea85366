/**
 * Publish-time validation of catalog documents: the JSON Schema of the format, then the semantic
 * rules (ids, fields, actions, template references, bundle components and their order).
 */
package dev.pao.catalog.validation;
