package dev.pao.devctl.config;

/** One named server: its base URL and the bearer token to send (may be absent). */
public record ContextSettings(String url, String token) {}
