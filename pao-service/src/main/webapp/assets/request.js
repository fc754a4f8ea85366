// One request: status, queue position, the action timeline with outputs and links, the log, and the
// decisions its state allows (retry after a dry-run preview, abort, escalate with a reason).
import { api } from "./api.js";
import { announce, errorBox, facts, h, page, statusBadge, time, uuid, valueNode } from "./ui.js";

const TERMINAL = ["completed", "aborted", "rejected", "escalated"];
// The state machine (api-conventions.md): retry and escalate from failed and stuck; abort also
// before any action started (submitted, queued).
const DECIDABLE = ["failed", "stuck"];
const ABORTABLE = ["failed", "stuck", "submitted", "queued", "awaiting_approval"];

export async function requestPage(main, { params: [id] }) {
  let request = (await api("/requests/" + id)).data;
  const summary = h("section", { id: "request-summary" });
  const decisions = h("section", { id: "decisions" });
  const timeline = h("ol", { class: "timeline", id: "timeline" });
  const outputs = h("section", { id: "outputs" });
  const log = h("section", { id: "log" });
  const problems = h("div");
  page(main, "Request " + request.catalog_item_id, problems, summary, decisions, h("h2", {}, "Steps"), timeline, outputs, log);

  let stopped = false;
  let timer = null;
  let delay = 1000;
  let lastStatus = null;

  const draw = async () => {
    summary.replaceChildren(
      facts([
        ["Status", h("span", { id: "request-status" }, statusBadge(request.status))],
        ["Why", request.status_reason],
        ["Support ticket", request.support_ticket ? h("a", { href: request.support_ticket.url, rel: "noopener" }, request.support_ticket.key) : null],
        ["Queue position", request.queue_position],
        ["Catalog item", h("a", { href: "#/items/" + encodeURIComponent(request.catalog_item_id) }, `${request.catalog_item_id} ${request.catalog_item_version || ""}`)],
        ["Requested by", request.requester ? request.requester.email : null],
        ["Created", time(request.created_at)],
        ["Finished", time(request.finished_at)],
        ["Request id", h("code", {}, request.id)],
        ["Correlation id", h("code", { class: "correlation-id" }, request.correlation_id)],
      ]),
    );
    timeline.replaceChildren(...(request.actions || []).map(actionItem));
    const out = Object.entries(request.outputs || {});
    outputs.replaceChildren(...(out.length ? [h("h2", {}, "Outputs"), facts(out.map(([k, v]) => [k, valueNode(v)]))] : []));
    drawDecisions();
    if (request.status !== lastStatus) {
      announce("Request status: " + request.status);
      lastStatus = request.status;
      await drawLog();
    }
  };

  const drawLog = async () => {
    const logs = (await api("/requests/" + id + "/logs")).data;
    log.replaceChildren(
      h("h2", {}, "Log"),
      h("div", { class: "table-wrap" }, h("table", {}, h("caption", { class: "visually-hidden" }, "Audit trail, oldest first"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "When"), h("th", { scope: "col" }, "Event"), h("th", { scope: "col" }, "By"), h("th", { scope: "col" }, "Details"))),
        h("tbody", {}, (logs.events || []).map((e) => h("tr", {}, h("td", {}, time(e.occurred_at)), h("td", {}, e.event_type), h("td", {}, e.actor), h("td", {}, [e.from && e.to ? `${e.from} → ${e.to}` : "", e.reason ? ` (${e.reason})` : ""].join(""))))))),
      h("details", {}, h("summary", {}, "Attempts with payloads and answers"), h("pre", { id: "attempts" }, JSON.stringify(logs.attempts || [], null, 2))),
    );
  };

  const decide = async (kind, body, key) => {
    problems.replaceChildren();
    try {
      await api(`/requests/${id}/${kind}`, { method: "POST", body, idempotencyKey: key });
      request = (await api("/requests/" + id)).data;
      delay = 1000;
      await draw();
      schedule();
    } catch (error) {
      const box = errorBox(error, `The ${kind} did not go through`);
      problems.replaceChildren(box);
      box.focus();
    }
  };

  const drawDecisions = () => {
    if (!ABORTABLE.includes(request.status)) {
      decisions.replaceChildren();
      return;
    }
    const reason = h("input", { id: "decision-reason", name: "reason", autocomplete: "off" });
    const abort = h("button", { type: "button", id: "abort", class: "danger", onclick: () => decide("abort", { reason: reason.value || undefined }, uuid()) }, "Abort");
    if (request.status === "awaiting_approval") {
      // The server decides who may approve (never the requester); a refusal says why.
      decisions.replaceChildren(
        h("h2", { id: "decisions-heading" }, "Waiting for approval"),
        h("p", {}, request.status_reason || "An approver must approve this request before it runs."),
        h("div", { class: "field" }, h("label", { for: "decision-reason" }, "Reason (required to reject)"), reason),
        h("div", { class: "actions" },
          h("button", { type: "button", id: "approve", onclick: () => decide("approve", { reason: reason.value || undefined }, uuid()) }, "Approve"),
          h("button", { type: "button", id: "reject", class: "secondary", onclick: () => decide("reject", { reason: reason.value || undefined }, uuid()) }, "Reject"),
          h("button", { type: "button", id: "withdraw", class: "danger", onclick: () => decide("abort", { reason: reason.value || "withdrawn by the requester" }, uuid()) }, "Withdraw")),
      );
      return;
    }
    if (!DECIDABLE.includes(request.status)) {
      decisions.replaceChildren(h("h2", { id: "decisions-heading" }, "Changed your mind?"), h("p", {}, "No step has started yet; you can still cancel this request."), h("div", { class: "actions" }, abort));
      return;
    }
    const retryPlan = h("div", { id: "retry-plan" });
    const retry = h("button", { type: "button", id: "retry" }, "Retry…");
    retry.addEventListener("click", async () => {
      try {
        const plan = (await api(`/requests/${id}/retry?dry_run=true`, { method: "POST", body: {} })).data;
        const key = uuid();
        retryPlan.replaceChildren(
          h("div", { class: "notice", role: "region", "aria-label": "Retry preview" },
            h("p", {}, "A retry runs these steps again; completed steps are kept:"),
            h("ul", {}, plan.will_run.map((a) => h("li", {}, `${a.component ? a.component + " / " : ""}${a.action_id} (${a.type})${a.external_side_effects ? ", changes something outside PAO" : ""}`))),
            h("div", { class: "actions" }, h("button", { type: "button", id: "confirm-retry", onclick: () => decide("retry", { reason: reason.value || undefined }, key) }, "Retry now"))),
        );
        retryPlan.querySelector("#confirm-retry").focus();
      } catch (error) {
        problems.replaceChildren(errorBox(error));
      }
    });
    decisions.replaceChildren(
      h("h2", { id: "decisions-heading" }, "What now?"),
      h("p", {}, "This request stopped. Retry it from the failed step, abort it, or escalate it to support."),
      h("div", { class: "field" }, h("label", { for: "decision-reason" }, "Reason (optional, kept in the log)"), reason),
      h("div", { class: "actions" }, retry, abort,
        h("button", { type: "button", id: "escalate", class: "secondary", onclick: () => decide("escalate", { reason: reason.value || undefined }, uuid()) }, "Escalate to support")),
      retryPlan,
    );
  };

  // Live updates: poll while the request moves, backing off from 1 s to 15 s while nothing changes.
  const schedule = () => {
    clearTimeout(timer);
    if (stopped || TERMINAL.includes(request.status) || DECIDABLE.includes(request.status)) return;
    timer = setTimeout(async () => {
      try {
        const next = (await api("/requests/" + id)).data;
        const changed = JSON.stringify(next) !== JSON.stringify(request);
        request = next;
        delay = changed ? 1000 : Math.min(delay * 2, 15000);
        if (changed && !stopped) await draw();
      } catch (error) {
        if (error.status === 401) return;
        delay = Math.min(delay * 2, 15000);
        problems.replaceChildren(errorBox(error, "Live updates paused; retrying"));
      }
      schedule();
    }, delay);
  };

  await draw();
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function actionItem(action) {
  const ref = action.external_ref || {};
  return h(
    "li",
    { class: `status-${action.status}`, "data-index": action.index },
    h("h3", {}, `${action.index + 1}. ${action.component ? action.component + " / " : ""}${action.action_id} (${action.type}) `, statusBadge(action.status)),
    h("p", { class: "meta" }, action.started_at ? ["Started ", time(action.started_at)] : "Not started", action.finished_at ? [", finished ", time(action.finished_at)] : "", action.attempt > 1 ? `, attempt ${action.attempt}` : ""),
    ref.key || ref.url ? h("p", { class: "external-ref" }, "Link: ", ref.url ? h("a", { href: ref.url, rel: "noopener" }, ref.key || ref.url) : ref.key) : null,
    action.outputs && Object.keys(action.outputs).length ? facts(Object.entries(action.outputs).map(([k, v]) => [k, valueNode(v)])) : null,
    action.error ? h("p", { class: "field-error action-error" }, action.error.message || JSON.stringify(action.error)) : null,
  );
}
