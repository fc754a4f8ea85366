package dev.pao.request.api;

import java.util.Map;

/** The body of {@code POST /requests}: which item or bundle, and the requester's form data. */
public record SubmitRequest(String catalogItemId, Map<String, Object> formData) {}
