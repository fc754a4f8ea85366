/**
 * The OpenAPI document served at {@code /openapi}: the table of operations (ids, access, body and
 * answer schemas, error answers) and the filter that applies it to the document MicroProfile
 * OpenAPI builds from the resources' annotations and {@code META-INF/openapi.yaml}.
 */
package dev.pao.shared.openapi;
