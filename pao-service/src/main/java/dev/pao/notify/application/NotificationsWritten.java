package dev.pao.notify.application;

/** Notifications were written; observed after their transaction commits, it nudges the relay. */
public record NotificationsWritten(int count) {}
