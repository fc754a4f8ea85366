/**
 * Publish-time validation of one catalog document: safe parsing, the format's JSON Schema, then the
 * semantic rules of forms, actions, template references and bundle components and their order,
 * every problem reported with its line, column and path. Also the form-field helpers the service
 * reuses to check submitted and sample form data against the same rules.
 */
package dev.pao.catalog.validation;
