/** The jira action: tickets on named JIRA instances, idempotent by label, linked for bundles. */
package dev.pao.action.jira;
