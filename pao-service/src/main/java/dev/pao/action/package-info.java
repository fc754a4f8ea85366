/**
 * Fulfillment actions: one executor per action type ({@code jira}, {@code rest}, {@code
 * github-commit}, {@code github-workflow}, {@code terraform}) behind the SPI in {@code action.spi},
 * built from configuration by {@link dev.pao.action.ActionExecutors}.
 */
package dev.pao.action;
