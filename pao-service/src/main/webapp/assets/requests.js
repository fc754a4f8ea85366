// Your and your teams' requests: status filter, "only mine", and cursor paging.
import { api } from "./api.js";
import { h, page, statusBadge, time } from "./ui.js";

const STATES = ["submitted", "awaiting_approval", "queued", "in_progress", "completed", "failed", "retrying", "aborted", "rejected", "escalated", "stuck"];

export async function requestsPage(main, { query, who }) {
  const status = query.get("status") || "";
  const mine = query.get("mine") === "1";
  const filters = h(
    "form",
    { class: "filters", id: "request-filters" },
    h("div", {}, h("label", { for: "status" }, "Status"), h("select", { id: "status", name: "status" }, h("option", { value: "" }, "Any"), STATES.map((s) => h("option", { value: s, selected: s === status }, s.replace("_", " "))))),
    h("div", {}, h("label", { class: "check" }, h("input", { type: "checkbox", id: "mine", name: "mine", checked: mine }), "Only requests I submitted")),
  );
  const body = h("tbody");
  const table = h("div", { class: "table-wrap" }, h("table", { id: "request-table" }, h("caption", { class: "visually-hidden" }, "Requests, newest first"), h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Request"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "Requested by"), h("th", { scope: "col" }, "Created"))), body));
  const more = h("button", { type: "button", class: "secondary", id: "more", hidden: true }, "Show more");
  const empty = h("p", { id: "no-requests", hidden: true }, "No requests match. ", h("a", { href: "#/" }, "Request something from the catalog"), ".");
  page(main, mine ? "My requests" : "Team requests", h("p", {}, "Requests you submitted and those of your teams."), filters, table, empty, h("div", { class: "actions" }, more));

  filters.addEventListener("change", () => {
    const params = new URLSearchParams();
    if (filters.elements.status.value) params.set("status", filters.elements.status.value);
    if (filters.elements.mine.checked) params.set("mine", "1");
    location.hash = "#/requests" + (params.toString() ? "?" + params : "");
  });

  let cursor = null;
  let shown = 0;
  const load = async () => {
    const params = new URLSearchParams({ limit: "20" });
    if (status) params.set("status", status);
    if (cursor) params.set("cursor", cursor);
    const answer = await api("/requests?" + params);
    const rows = answer.data.filter((r) => !mine || (r.requester && r.requester.email === who.email));
    for (const r of rows) {
      body.append(h("tr", { "data-id": r.id }, h("td", {}, h("a", { href: "#/requests/" + r.id }, r.catalog_item_id), h("br"), h("code", { class: "meta" }, r.id.slice(0, 8))), h("td", {}, statusBadge(r.status)), h("td", {}, r.requester ? r.requester.email : ""), h("td", {}, time(r.created_at))));
    }
    shown += rows.length;
    cursor = answer.meta.next_cursor || null;
    more.hidden = !cursor;
    empty.hidden = shown > 0 || !!cursor;
  };
  more.addEventListener("click", load);
  await load();
}
