package dev.pao.template;

/**
 * A function result that is already encoded for one target ({@code json} and {@code quote} yield
 * JSON, {@code urlencode} yields a URL component), so that target does not encode it twice.
 *
 * @param target {@link Escaping#JSON_DOCUMENT} for JSON text, {@link Escaping#URL_COMPONENT} for
 *     percent-encoded text
 * @param text the encoded text
 */
record Encoded(Escaping target, String text) {}
