/**
 * The jira action: tickets on named JIRA instances through the typed {@link
 * dev.pao.action.jira.JiraApi} client, idempotent by label, linked for bundles; {@link
 * dev.pao.action.jira.JiraErrors} classifies JIRA's error answers, {@link
 * dev.pao.action.jira.JiraConfiguration} reads the instances.
 */
package dev.pao.action.jira;
