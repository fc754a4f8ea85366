/**
 * The executor SPI: one {@link dev.pao.action.spi.ActionExecutor} per action type, an
 * application-scoped CDI bean found by its {@code type()}, called by the request runner with a
 * rendered {@link dev.pao.action.spi.ActionCall}; two failure branches (failed vs transient) drive
 * what happens next.
 */
package dev.pao.action.spi;
