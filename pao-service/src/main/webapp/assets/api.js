// The portal's one door to the service: /api/v1 with the bearer token, a correlation id per call,
// an Idempotency-Key where given, and the error envelope turned into an ApiError.
import { currentToken, tokenExpired } from "./auth.js";
import { uuid } from "./ui.js";

export class ApiError extends Error {
  constructor(status, error, correlationId) {
    super(error.message || `The service answered ${status}`);
    this.status = status;
    this.code = error.code;
    this.details = error.details || [];
    this.correlationId = correlationId;
  }
}

export async function api(path, { method = "GET", body, idempotencyKey, contentType } = {}) {
  const correlationId = uuid();
  const headers = { Accept: "application/json", "X-Correlation-ID": correlationId };
  const token = currentToken();
  if (token) headers.Authorization = "Bearer " + token;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = contentType || "application/json";
    payload = typeof body === "string" ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch("/api/v1" + path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, { code: "NETWORK", message: "The service could not be reached. Check your connection and try again." }, correlationId);
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json && json.error) || { code: "HTTP_" + response.status, message: `The service answered ${response.status}.` };
    const failure = new ApiError(response.status, error, error.correlation_id || response.headers.get("X-Correlation-ID") || correlationId);
    if (response.status === 401 && token) tokenExpired();
    throw failure;
  }
  return json;
}
