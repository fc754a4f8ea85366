/**
 * Notifications as stored rows ({@link dev.pao.notify.domain.Notification}), their channels, the
 * outbox port ({@link dev.pao.notify.domain.NotificationOutbox}) and the sender port ({@link
 * dev.pao.notify.domain.NotificationSender}) every channel implements.
 */
package dev.pao.notify.domain;
