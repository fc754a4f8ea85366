/**
 * Fulfillment actions: one executor per action type ({@code jira}, {@code rest}, {@code
 * github-commit}, {@code github-workflow}, {@code terraform}) behind the SPI in {@code action.spi}.
 * Executors are CDI beans, each with its own configuration class in its package; {@link
 * dev.pao.action.ActionExecutors} finds them all and indexes them by type, so a new action type is
 * a new bean. {@link dev.pao.action.JsonPath} reads an action's outputs from its result document.
 */
package dev.pao.action;
