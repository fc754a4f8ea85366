/**
 * Notifications about requests (failed, stuck, awaiting approval, completed, escalated) to the
 * requester and the owning team by e-mail and signed webhook, and the support ticket an escalation
 * creates. Everything leaves through the notifications outbox: rows are written in the transaction
 * of the status change, a relay in every instance sends them, and a failure to notify never touches
 * the request.
 */
package dev.pao.notify;
