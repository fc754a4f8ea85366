/** Appending and reading audit events. */
package dev.pao.audit.application;
