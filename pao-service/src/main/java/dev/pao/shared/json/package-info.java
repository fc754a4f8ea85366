/**
 * JSON for the whole service: the two shared JSON-B instances ({@link dev.pao.shared.json.Jsons},
 * the API's snake_case dialect and the plain one for stored documents and messages), and {@link
 * dev.pao.shared.json.JsonCodec}, which turns JSON text into plain Java trees (maps, lists,
 * scalars) and back.
 */
package dev.pao.shared.json;
