/** The audit log's HTTP edge: {@code GET /audit} and {@code GET /audit/export} (role admin). */
package dev.pao.audit.api;
