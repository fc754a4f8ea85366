/** JSON text to and from plain Java trees (maps, lists, scalars). */
package dev.pao.shared.json;
