/**
 * The notification outbox on JPA, and the channels: SMTP e-mail through Jakarta Mail, signed
 * Slack-compatible webhooks, and support tickets through the JIRA client of the jira action.
 */
package dev.pao.notify.infra;
