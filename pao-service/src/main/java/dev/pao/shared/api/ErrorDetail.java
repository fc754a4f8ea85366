package dev.pao.shared.api;

/** One problem of a rejected input: which field, and what is wrong with it. */
public record ErrorDetail(String field, String issue) {}
