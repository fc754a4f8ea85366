// Small DOM helpers shared by every page.

/** Creates an element: h("a", {href: "#/"}, "text", child). Attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the page's content, titles the document and moves focus to the page heading. */
export function page(main, title, ...children) {
  // A page still loading when the user moved on draws into a container no longer shown.
  if (!main.isConnected) return null;
  document.title = title + " - PAO portal";
  const heading = h("h1", { tabindex: "-1" }, title);
  main.replaceChildren(heading, ...children.flat(Infinity).filter(Boolean));
  heading.focus();
  return heading;
}

/** Announces a message to screen readers. */
export function announce(text) {
  const live = document.getElementById("live");
  if (live) live.textContent = text;
}

/** A plain-language error box with the correlation id to quote. */
export function errorBox(error, title = "Something went wrong") {
  const box = h(
    "div",
    { class: "error-summary", role: "alert", tabindex: "-1" },
    h("h2", {}, title),
    h("p", {}, error.message || String(error)),
  );
  if (error.details && error.details.length) {
    box.append(h("ul", {}, error.details.map((d) => h("li", {}, `${d.field}: ${d.issue}`))));
  }
  if (error.correlationId) {
    box.append(h("p", { class: "meta" }, "Quote this reference when asking for help: ", h("code", { class: "correlation-id" }, error.correlationId)));
  }
  return box;
}

export function statusBadge(status) {
  return h("span", { class: `badge status-${status}`, "data-status": status }, status.replace("_", " "));
}

export function time(value) {
  if (!value) return "";
  const date = new Date(value);
  return h("time", { datetime: value }, date.toLocaleString());
}

/** Turns key/value pairs into a definition list. */
export function facts(pairs) {
  return h("dl", { class: "facts" }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

export function uuid() {
  return crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Links the external references (JIRA keys, pull requests, runs) found in a map of values. */
export function valueNode(value) {
  if (typeof value === "string" && /^https?:\/\//.test(value)) return h("a", { href: value, rel: "noopener" }, value);
  if (value !== null && typeof value === "object") return h("code", {}, JSON.stringify(value));
  return String(value);
}
