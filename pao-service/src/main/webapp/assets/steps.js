// Catalog actions in plain words: "opens a JIRA ticket in DBA, then calls POST iam.example.com".
import { h } from "./ui.js";

function host(url) {
  const match = /^https?:\/\/([^/]+)/.exec(url || "");
  return match ? match[1] : url;
}

/** Templates in plain words: {{.current.name}} reads <name>, any other value "…". */
function words(text) {
  return typeof text === "string" ? text.replace(/\{\{\s*\.current\.([\w.]+)[^}]*\}\}/g, "<$1>").replace(/\{\{[^}]*\}\}/g, "…") : text;
}

export function stepInWords(action) {
  const t = Object.fromEntries(Object.entries(action.target || {}).map(([k, v]) => [k, words(v)]));
  switch (action.type) {
    case "jira":
      return `opens a JIRA ${t.issueType ? t.issueType.toLowerCase() : "ticket"} in project ${t.project || "?"}`;
    case "rest":
      return `calls ${t.method || "GET"} ${host(t.url) || "a REST API"}`;
    case "github-commit":
      return `commits ${t.path || "a file"} to ${t.repository || "a repository"}`;
    case "github-workflow":
      return `runs the GitHub workflow ${t.workflow || ""} in ${t.repository || "a repository"}`.replace("  ", " ");
    case "terraform":
      return `runs Terraform in workspace ${t.workspace || "?"}${t.organization ? " of " + t.organization : ""}`;
    default:
      return `runs a ${action.type} step`;
  }
}

/** A sentence for a list of actions. */
export function stepsSentence(actions) {
  const words = actions.map(stepInWords);
  if (!words.length) return "Does nothing by itself.";
  const sentence = words.join(", then ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".";
}

/** The ordered list of steps, one per action. */
export function stepsList(actions) {
  return h("ol", { class: "steps" }, actions.map((a) => h("li", {}, stepInWords(a), " ", h("span", { class: "meta" }, `(step ${a.id}${a.outputs && a.outputs.length ? ", gives " + a.outputs.join(", ") : ""})`))));
}

/** One rendered action of a preview: every key as it will be sent, sensitive values already masked. */
export function renderedAction(action, index) {
  // id, type and the outputs' JSONPaths describe the step; the rest is what will be sent.
  const rendered = action.rendered || {};
  const sent = Object.entries(rendered).filter(([key]) => !["id", "type", "outputs"].includes(key));
  const rows = sent.map(([key, value]) => [
    h("dt", {}, key),
    h("dd", {}, typeof value === "string" && !value.includes("\n") ? h("code", {}, value) : h("pre", {}, typeof value === "string" ? value : JSON.stringify(value, null, 2))),
  ]);
  return h(
    "li",
    { class: "preview-action", "data-action": action.id },
    h("h3", {}, `${index + 1}. ${action.component ? action.component + " / " : ""}${action.id} (${action.type})`),
    h("dl", { class: "facts" }, rows),
    rendered.outputs && Object.keys(rendered.outputs).length ? h("p", { class: "meta" }, "Gives " + Object.keys(rendered.outputs).join(", ") + " to later steps.") : null,
    action.problems && action.problems.length ? h("ul", { class: "field-error-list" }, action.problems.map((p) => h("li", {}, p))) : null,
  );
}
