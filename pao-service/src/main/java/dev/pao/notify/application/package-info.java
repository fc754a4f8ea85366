/**
 * Which notifications a status change calls for ({@link
 * dev.pao.notify.application.NotificationPlanner}), writing them with the change ({@link
 * dev.pao.notify.application.RequestNotifier}), and the relay that sends them ({@link
 * dev.pao.notify.application.NotificationRelay}) with back-off.
 */
package dev.pao.notify.application;
