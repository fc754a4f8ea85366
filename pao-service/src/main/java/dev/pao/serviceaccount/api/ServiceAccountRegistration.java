package dev.pao.serviceaccount.api;

import java.util.List;

/** The body of {@code POST /service-accounts}. */
public record ServiceAccountRegistration(
    String name, String publicKey, List<String> teams, List<String> items, String description) {}
