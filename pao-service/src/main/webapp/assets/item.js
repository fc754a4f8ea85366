// One catalog item or bundle: what it is, what it will do, its form, the preview and the submit.
import { api } from "./api.js";
import { GeneratedForm } from "./form.js";
import { renderedAction, stepsList, stepsSentence } from "./steps.js";
import { errorBox, facts, h, page, uuid } from "./ui.js";

const draftKey = (id) => "pao.draft." + id;

function loadDraft(id) {
  try {
    return JSON.parse(sessionStorage.getItem(draftKey(id))) || {};
  } catch {
    return {};
  }
}

export async function itemPage(main, { params: [id] }) {
  const item = (await api("/catalog/" + encodeURIComponent(id))).data;
  const form = (await api("/catalog/" + encodeURIComponent(id) + "/form")).data;
  const draft = loadDraft(id);
  // One key per filled-in form: a double click or a repeated call never makes two requests.
  const idempotencyKey = draft.key || uuid();

  const about = [
    h("p", {}, item.description),
    facts([
      ["Kind", item.kind],
      ["Owner team", item.owner],
      ["Version", item.version],
      ["Commit", item.commit ? h("code", {}, item.commit.slice(0, 12)) : null],
      ["Category", item.category],
      ["Tags", (item.tags || []).join(", ")],
      ["Approval", item.approval ? "needed" + (item.approval.when ? " when " + item.approval.when : "") : null],
    ]),
    item.access && !item.access.allowed ? h("p", { class: "notice", id: "not-entitled", role: "note" }, "You may not request this: " + item.access.reason) : null,
  ];
  const what = h("section", { "aria-labelledby": "what-heading" }, h("h2", { id: "what-heading" }, "What happens when you submit"));
  if (item.kind === "bundle") {
    const components = item.components || [];
    const details = await Promise.all(components.map((c) => api("/catalog/" + encodeURIComponent(c.item)).then((r) => r.data).catch(() => null)));
    what.append(
      h("p", {}, `This bundle runs ${components.length} components in this order:`),
      h("ol", { class: "components" }, components.map((c, i) => h("li", {}, h("a", { href: "#/items/" + encodeURIComponent(c.item) }, details[i] ? details[i].name : c.item), c.dependsOn && c.dependsOn.length ? ` (after ${c.dependsOn.join(", ")})` : "", details[i] && details[i].actions ? ": " + stepsSentence(details[i].actions) : ""))),
    );
  } else {
    what.append(h("p", { class: "steps-sentence" }, stepsSentence(item.actions || [])), stepsList(item.actions || []));
  }

  const generated = new GeneratedForm(form, draft.data);
  const problems = h("div");
  const previewBox = h("section", { id: "preview", "aria-labelledby": "preview-heading", hidden: true });
  const previewButton = h("button", { type: "submit", id: "preview-button" }, "Check and preview");
  const submitButton = h("button", { type: "button", id: "submit-button", hidden: true }, "Submit request");
  const formEl = h("form", { id: "request-form", novalidate: true, "aria-labelledby": "form-heading" }, h("h2", { id: "form-heading" }, "Your request"), generated.element, h("div", { class: "actions" }, previewButton));
  page(main, item.name, about, what, problems, formEl, previewBox, h("div", { class: "actions" }, submitButton));

  const save = () => sessionStorage.setItem(draftKey(id), JSON.stringify({ data: generated.value({ forDraft: true }), key: idempotencyKey }));
  formEl.addEventListener("input", () => {
    save();
    previewBox.hidden = true;
    submitButton.hidden = true;
  });
  formEl.addEventListener("change", save);
  save();

  const serverProblems = (error) => {
    if (error.code === "VALIDATION_ERROR" && error.details.length) {
      const list = error.details.map((d) => ({ field: d.field.replace(/^form_data\./, ""), issue: d.issue }));
      list.correlationId = error.correlationId;
      generated.show(list, "The service found a problem with the form");
      return;
    }
    const box = errorBox(error);
    problems.replaceChildren(box);
    box.focus();
  };

  formEl.addEventListener("submit", async (event) => {
    event.preventDefault();
    problems.replaceChildren();
    if (!generated.check()) return;
    previewButton.disabled = true;
    try {
      const preview = (await api("/requests/preview", { method: "POST", body: { catalog_item_id: id, form_data: generated.value() } })).data;
      previewBox.replaceChildren(
        h("h2", { id: "preview-heading", tabindex: "-1" }, "Preview: what will run"),
        h("p", {}, "Nothing has been requested yet. Secret values are shown as ***. Values from earlier steps appear as <name>."),
        h("ol", { class: "timeline" }, preview.actions.map(renderedAction)),
      );
      previewBox.hidden = false;
      submitButton.hidden = false;
      previewBox.querySelector("h2").focus();
    } catch (error) {
      serverProblems(error);
    } finally {
      previewButton.disabled = false;
    }
  });

  submitButton.addEventListener("click", async () => {
    submitButton.disabled = true;
    try {
      const answer = await api("/requests", { method: "POST", body: { catalog_item_id: id, form_data: generated.value() }, idempotencyKey });
      sessionStorage.removeItem(draftKey(id));
      location.hash = "#/requests/" + answer.data.id;
    } catch (error) {
      submitButton.disabled = false;
      serverProblems(error);
    }
  });
}
