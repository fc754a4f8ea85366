package dev.pao.catalog.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a catalog read whose answer depends only on the served catalog commit and the request's
 * path and query: {@link CatalogConditionalGet} gives it an {@code ETag} and answers {@code 304 Not
 * Modified} to a matching {@code If-None-Match}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CatalogRevalidated {}
