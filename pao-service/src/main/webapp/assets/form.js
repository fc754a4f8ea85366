// A form generated from GET /catalog/{id}/form: one input per field type, the server's rules checked
// in the browser first, and the server's error details shown on the fields they name.
import { h } from "./ui.js";

const EMAIL = /^[^@\s]+@[^@\s][^@\s.]*\.[^@\s]+$/;
const URL_PATTERN = /^https?:\/\/[^\s/$.?#].[^\s]*$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The form's fields with their dotted paths (group fields under their group id). */
function fieldsOf(form) {
  const list = (form.fields || []).map((field) => ({ field, path: field.id, group: null }));
  for (const group of form.groups || []) {
    for (const field of group.fields || []) list.push({ field, path: group.id + "." + field.id, group });
  }
  return list;
}

const inputId = (path) => "field-" + path.replace(/\./g, "-");

export class GeneratedForm {
  constructor(form, draft = {}) {
    this.form = form;
    this.entries = fieldsOf(form);
    this.element = h("div", { class: "generated-form" });
    this.summary = h("div");
    this.element.append(this.summary);
    for (const entry of this.entries.filter((e) => !e.group)) this.element.append(this.control(entry, draft));
    for (const group of form.groups || []) {
      const set = h("fieldset", { id: "group-" + group.id }, h("legend", {}, group.label || group.id), group.description ? h("p", { class: "hint" }, group.description) : null);
      for (const entry of this.entries.filter((e) => e.group === group)) set.append(this.control(entry, draft));
      this.element.append(set);
    }
  }

  control({ field, path }, draft) {
    const id = inputId(path);
    const label = (field.label || field.id) + (field.required ? "" : " (optional)");
    const hintId = id + "-hint";
    const errorId = id + "-error";
    const hintText = [field.description, rulesInWords(field)].filter(Boolean).join(" ");
    const saved = valueAt(draft, path);
    const initial = saved !== undefined ? saved : field.sensitive ? undefined : field.default;
    const described = [hintText ? hintId : null, errorId].filter(Boolean).join(" ");
    let input;
    const wrap = h("div", { class: "field", "data-path": path });
    if (field.type === "boolean") {
      input = h("input", { type: "checkbox", id, name: path, checked: initial === true, "aria-describedby": described });
      wrap.append(h("label", { class: "check", for: id }, input, label));
      if (hintText) wrap.append(h("p", { class: "hint", id: hintId }, hintText));
    } else if (field.type === "multiselect") {
      const chosen = Array.isArray(initial) ? initial : [];
      const set = h("fieldset", { id, "aria-describedby": described }, h("legend", {}, label));
      if (hintText) set.append(h("p", { class: "hint", id: hintId }, hintText));
      (field.options || []).forEach((option, i) => {
        set.append(h("label", { class: "check" }, h("input", { type: "checkbox", id: `${id}-${i}`, name: path, value: JSON.stringify(option.value), checked: chosen.some((c) => c === option.value) }), option.label));
      });
      wrap.append(set);
    } else {
      wrap.append(h("label", { for: id }, label));
      if (hintText) wrap.append(h("p", { class: "hint", id: hintId }, hintText));
      if (field.type === "select") {
        input = h("select", { id, name: path, "aria-describedby": described, required: !!field.required },
          h("option", { value: "" }, field.required ? "Choose…" : "None"),
          (field.options || []).map((option) => h("option", { value: JSON.stringify(option.value), selected: initial !== undefined && option.value === initial }, option.label)));
      } else if (field.type === "text") {
        input = h("textarea", { id, name: path, "aria-describedby": described, required: !!field.required, rows: 4 });
        input.value = initial === undefined ? "" : String(initial);
      } else {
        const type = field.sensitive ? "password" : { integer: "number", number: "number", email: "email", url: "url", date: "date" }[field.type] || "text";
        input = h("input", {
          id, name: path, type, "aria-describedby": described, required: !!field.required,
          step: field.type === "integer" ? "1" : field.type === "number" ? "any" : null,
          inputmode: field.type === "integer" ? "numeric" : null,
          autocomplete: field.sensitive ? "new-password" : "off",
          spellcheck: "false",
        });
        if (initial !== undefined) input.value = String(initial);
      }
      wrap.append(input);
    }
    wrap.append(h("p", { class: "field-error", id: errorId, hidden: true }));
    return wrap;
  }

  /** The form data to send: empty fields left out (the server applies defaults). */
  value({ forDraft = false } = {}) {
    const data = {};
    for (const { field, path } of this.entries) {
      if (forDraft && field.sensitive) continue;
      const v = this.read(field, path);
      if (v === undefined) continue;
      const [first, second] = path.split(".");
      if (second) (data[first] = data[first] || {})[second] = v;
      else data[first] = v;
    }
    return data;
  }

  read(field, path) {
    const id = inputId(path);
    if (field.type === "multiselect") {
      const chosen = [...this.element.querySelectorAll(`#${id} input:checked`)].map((box) => JSON.parse(box.value));
      return chosen.length ? chosen : undefined;
    }
    const input = this.element.querySelector("#" + id);
    if (field.type === "boolean") return input.checked;
    if (field.type === "select") return input.value === "" ? undefined : JSON.parse(input.value);
    const text = input.value;
    if (text === "") return undefined;
    if (field.type === "integer" || field.type === "number") {
      const number = Number(text);
      return Number.isNaN(number) ? text : number;
    }
    return text;
  }

  /** Checks every field as the server would; shows the problems and answers whether there were none. */
  check() {
    const problems = [];
    for (const { field, path } of this.entries) {
      const issue = problem(field, this.read(field, path));
      if (issue) problems.push({ field: path, issue });
    }
    this.show(problems);
    return problems.length === 0;
  }

  /** Shows problems ({field, issue}) on their fields and in a summary linking to them. */
  show(problems, title = "There is a problem with the form") {
    this.element.querySelectorAll(".field").forEach((wrap) => {
      wrap.classList.remove("invalid");
      const error = wrap.querySelector(".field-error");
      error.hidden = true;
      error.textContent = "";
      wrap.querySelectorAll("input, select, textarea").forEach((el) => el.removeAttribute("aria-invalid"));
    });
    if (!problems.length) {
      this.summary.replaceChildren();
      return;
    }
    const items = [];
    for (const { field, issue, correlationId } of problems) {
      const wrap = this.element.querySelector(`.field[data-path="${CSS.escape(field)}"]`);
      if (wrap) {
        wrap.classList.add("invalid");
        const error = wrap.querySelector(".field-error");
        error.hidden = false;
        error.textContent = error.textContent ? error.textContent + "; " + issue : issue;
        wrap.querySelectorAll("input, select, textarea").forEach((el) => el.setAttribute("aria-invalid", "true"));
        const label = this.entries.find((e) => e.path === field).field.label || field;
        items.push(h("li", {}, h("a", { href: "#" + inputId(field), onclick: (e) => { e.preventDefault(); (wrap.querySelector("input, select, textarea") || wrap).focus(); } }, `${label}: ${issue}`)));
      } else {
        items.push(h("li", {}, `${field}: ${issue}`));
      }
    }
    const box = h("div", { class: "error-summary", role: "alert", tabindex: "-1", id: "form-errors" }, h("h2", {}, title), h("ul", {}, items));
    if (problems.correlationId) box.append(h("p", { class: "meta" }, "Reference: ", h("code", { class: "correlation-id" }, problems.correlationId)));
    this.summary.replaceChildren(box);
    box.focus();
  }
}

function valueAt(data, path) {
  const [first, second] = path.split(".");
  if (!data) return undefined;
  return second ? (data[first] || {})[second] : data[first];
}

function rulesInWords(field) {
  const rules = [];
  if (field.minLength !== undefined && field.maxLength !== undefined) rules.push(`${field.minLength} to ${field.maxLength} characters.`);
  else if (field.minLength !== undefined) rules.push(`At least ${field.minLength} characters.`);
  else if (field.maxLength !== undefined) rules.push(`At most ${field.maxLength} characters.`);
  if (field.min !== undefined && field.max !== undefined) rules.push(`From ${field.min} to ${field.max}.`);
  else if (field.min !== undefined) rules.push(`At least ${field.min}.`);
  else if (field.max !== undefined) rules.push(`At most ${field.max}.`);
  if (field.default !== undefined && !field.sensitive) rules.push(`Default: ${Array.isArray(field.default) ? field.default.join(", ") : field.default}.`);
  if (field.sensitive) rules.push("Kept secret: never shown again after you submit.");
  return rules.join(" ");
}

/** The first problem of one value, in the server's words where possible. */
export function problem(field, value) {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    return field.required && field.default === undefined ? "required" : null;
  }
  switch (field.type) {
    case "integer":
    case "number": {
      if (typeof value !== "number") return "must be a number";
      if (field.type === "integer" && !Number.isInteger(value)) return "must be a whole number";
      if (field.min !== undefined && value < field.min) return `must be at least ${field.min}, not ${value}`;
      if (field.max !== undefined && value > field.max) return `must be at most ${field.max}, not ${value}`;
      return null;
    }
    case "boolean":
    case "select":
    case "multiselect":
      return null;
    default: {
      const text = String(value);
      const length = [...text].length;
      if (field.minLength !== undefined && length < field.minLength) return `must be at least ${field.minLength} characters long`;
      if (field.maxLength !== undefined && length > field.maxLength) return `must be at most ${field.maxLength} characters long (it has ${length})`;
      if (field.pattern && !new RegExp(field.pattern).test(text)) {
        return field.description ? `does not have the expected form: ${field.description}` : `does not match ${field.pattern}`;
      }
      if (field.type === "email" && !EMAIL.test(text)) return "is not an e-mail address";
      if (field.type === "url" && !URL_PATTERN.test(text)) return "is not a web address (http:// or https://)";
      if (field.type === "date" && !DATE.test(text)) return "is not a date (YYYY-MM-DD)";
      return null;
    }
  }
}
