// What waits for the caller's approval (GET /approvals): each request with its rule, form values and
// the approvals so far, approved or rejected (with a reason) in place.
import { api } from "./api.js";
import { errorBox, h, page, time, uuid, valueNode, facts } from "./ui.js";

export async function approvalsPage(main) {
  const list = h("div", { id: "approval-list" });
  const problems = h("div");
  page(main, "Approvals", h("p", {}, "Requests waiting for an approval you may give. You never approve your own."), problems, list);

  const draw = async () => {
    const pending = (await api("/approvals?limit=200")).data;
    if (!pending.length) {
      list.replaceChildren(h("p", { id: "no-approvals" }, "Nothing waits for your approval."));
      return;
    }
    list.replaceChildren(...pending.map(card));
  };

  const decide = async (approval, kind, reason) => {
    problems.replaceChildren();
    try {
      await api(`/requests/${approval.request_id}/${kind}`, { method: "POST", body: { reason: reason || undefined }, idempotencyKey: uuid() });
      await draw();
    } catch (error) {
      const box = errorBox(error, `The ${kind === "approve" ? "approval" : "rejection"} did not go through`);
      problems.replaceChildren(box);
      box.focus();
    }
  };

  const card = (approval) => {
    const reasonId = "reason-" + approval.request_id;
    const reason = h("input", { id: reasonId, name: "reason", autocomplete: "off" });
    return h("section", { class: "card approval", "data-request": approval.request_id },
      h("h2", {}, `${approval.catalog_item_id}${approval.component ? " / " + approval.component : ""}`),
      facts([
        ["Requested by", approval.requester ? approval.requester.email : null],
        ["Rule", h("code", {}, approval.rule)],
        ["Approvals", `${approval.approvals} of ${approval.min_approvals}`],
        ["Escalates", time(approval.due_at)],
        ["Requested", time(approval.created_at)],
        ...Object.entries(approval.form_data || {}).map(([k, v]) => [k, valueNode(v)]),
      ]),
      h("div", { class: "field" }, h("label", { for: reasonId }, "Reason (required to reject)"), reason),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "approve", onclick: () => decide(approval, "approve", reason.value) }, "Approve"),
        h("button", { type: "button", class: "danger reject", onclick: () => decide(approval, "reject", reason.value) }, "Reject")),
    );
  };

  await draw();
}
