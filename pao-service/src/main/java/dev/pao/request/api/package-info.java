/**
 * The request endpoints and the views they answer: thin resources that parse the path and body,
 * call one application service, and assemble the JSON views ({@link
 * dev.pao.request.api.RequestViews}, {@link dev.pao.request.api.RequestLogViews}, {@link
 * dev.pao.request.api.RetryPlanView}) from the domain objects it returns, masking sensitive form
 * values.
 */
package dev.pao.request.api;
