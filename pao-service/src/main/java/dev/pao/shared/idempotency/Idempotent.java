package dev.pao.shared.idempotency;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that changes something as honouring {@code Idempotency-Key} through {@link
 * IdempotencyFilter}: a repeat with the same key and the same call replays the first answer, the
 * same key with another call is refused. ({@code POST /requests} claims its keys inside the
 * submission's own transaction instead.)
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {}
