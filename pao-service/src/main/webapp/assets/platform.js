// Platform-team pages: the last catalog sync with every rejected document, and "validate a document".
import { api } from "./api.js";
import { errorBox, facts, h, page, time, uuid } from "./ui.js";

export async function syncPage(main) {
  const body = h("div", { id: "sync" });
  const problems = h("div");
  const refresh = h("button", { type: "button", id: "refresh-catalog" }, "Synchronise now");
  page(main, "Catalog sync", h("p", {}, "What the last read of the catalog repository published, and every document it refused with the reason."), problems, h("div", { class: "actions" }, refresh), body);
  const draw = (report) => {
    const rejected = report.rejected || [];
    body.replaceChildren(
      facts([
        ["Status", report.status],
        ["Commit", report.commit ? h("code", {}, report.commit) : null],
        ["Branch", report.branch],
        ["Trigger", report.trigger],
        ["Started", time(report.started_at)],
        ["Took", report.duration_ms + " ms"],
        ["Documents served", report.documents_loaded],
        ["Error", report.error],
      ]),
      h("h2", {}, rejected.length ? `Rejected documents (${rejected.length})` : "No document was rejected"),
      rejected.length
        ? h("div", { class: "table-wrap" }, h("table", { id: "rejected" }, h("caption", { class: "visually-hidden" }, "Rejected documents"),
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "File"), h("th", { scope: "col" }, "Line"), h("th", { scope: "col" }, "Reason"))),
            h("tbody", {}, rejected.map((r) => h("tr", {}, h("td", {}, h("code", {}, r.file)), h("td", { class: "line" }, r.line ? `${r.line}${r.column ? ":" + r.column : ""}` : "–"), h("td", {}, r.path ? [h("code", {}, r.path), ": "] : "", r.reason))))))
        : null,
    );
  };
  try {
    draw((await api("/catalog/sync")).data);
  } catch (error) {
    if (error.status !== 404) throw error;
    body.replaceChildren(h("p", {}, "No sync has run yet."));
  }
  refresh.addEventListener("click", async () => {
    refresh.disabled = true;
    problems.replaceChildren();
    try {
      draw((await api("/catalog/refresh", { method: "POST", idempotencyKey: uuid() })).data);
    } catch (error) {
      problems.replaceChildren(errorBox(error));
    } finally {
      refresh.disabled = false;
    }
  });
}

export async function validatePage(main) {
  const text = h("textarea", { id: "document", name: "document", spellcheck: "false", "aria-describedby": "document-hint" });
  const result = h("div", { id: "validation-result", "aria-live": "polite" });
  const form = h("form", { id: "validate-form" },
    h("label", { for: "document" }, "Catalog document (YAML or JSON)"),
    h("p", { class: "hint", id: "document-hint" }, "Checked exactly as a sync would check it, against the current catalog. Nothing is published."),
    text,
    h("div", { class: "actions" }, h("button", { type: "submit", id: "validate" }, "Validate")));
  page(main, "Validate a document", form, result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const verdict = (await api("/tools/validate", { method: "POST", body: text.value, contentType: "application/yaml" })).data;
      if (verdict.valid) {
        result.replaceChildren(h("div", { class: "notice", role: "status" }, `Valid ${verdict.kind} ${verdict.id}: a sync would publish it.`));
        return;
      }
      result.replaceChildren(
        h("div", { class: "error-summary", role: "alert" }, h("h2", {}, "The document would be rejected"),
          h("ul", { id: "validation-errors" }, verdict.errors.map((e) => h("li", {}, e.line ? h("a", { href: "#document", onclick: (ev) => { ev.preventDefault(); selectLine(text, e.line); } }, `Line ${e.line}${e.column ? ", column " + e.column : ""}`) : "Document", ": ", e.path ? [h("code", {}, e.path), " "] : "", e.message)))),
      );
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  });
}

function selectLine(textarea, line) {
  const lines = textarea.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(start, start + (lines[line - 1] || "").length);
}
