// Sign-in: the organisation's identity provider (OpenID Connect) and, in development mode, a
// development token for any identity.
import { api } from "./api.js";
import { currentToken, returnRoute, signIn, startOidc } from "./auth.js";
import { errorBox, h, page } from "./ui.js";

const ROLES = ["developer", "platform", "admin"];

export async function signInPage(main, { query, config }) {
  document.getElementById("nav").replaceChildren();
  document.getElementById("who").replaceChildren();
  if (currentToken()) {
    location.hash = returnRoute();
    return;
  }
  const parts = [];
  if (query.get("expired")) {
    parts.push(h("div", { class: "notice", role: "status" }, "Your session has ended. Sign in again; what you had typed is kept."));
  }
  const problems = h("div");
  parts.push(problems);
  if (config.oidc) {
    parts.push(
      h("p", {}, "Sign in with your organisation account."),
      h("div", { class: "actions" }, h("button", { type: "button", id: "oidc-sign-in", onclick: () => startOidc(config.oidc).catch((e) => problems.replaceChildren(errorBox(e, "Sign-in failed"))) }, "Sign in with your organisation")),
    );
  }
  if (config.dev_mode) {
    parts.push(devForm(problems));
  }
  if (!config.oidc && !config.dev_mode) {
    parts.push(h("p", {}, "No sign-in is configured: set PAO_OIDC_ISSUER and PAO_OIDC_CLIENT_ID (or development mode)."));
  }
  page(main, "Sign in", parts);
}

function devForm(problems) {
  const field = (id, label, hint, attrs = {}) =>
    h("div", { class: "field" }, h("label", { for: id }, label), hint && h("p", { class: "hint", id: id + "-hint" }, hint), h("input", { id, name: id, "aria-describedby": hint ? id + "-hint" : null, ...attrs }));
  const form = h(
    "form",
    { id: "dev-sign-in", novalidate: true },
    h("h2", {}, "Development sign-in"),
    h("p", { class: "hint" }, "Development mode is on: this mints a token for any identity. It is never offered in production."),
    field("dev-email", "E-mail", null, { type: "email", required: true, value: "dev@example.com", autocomplete: "email" }),
    field("dev-name", "Name", null, { value: "Dev", autocomplete: "name" }),
    field("dev-teams", "Teams", "Comma-separated, e.g. team-data, platform", { value: "team-data" }),
    h("fieldset", {}, h("legend", {}, "Roles"), ROLES.map((role) => h("label", { class: "check" }, h("input", { type: "checkbox", name: "role", value: role, checked: role === "developer" }), role))),
    h("div", { class: "actions" }, h("button", { type: "submit", id: "dev-submit" }, "Sign in")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const teams = form.querySelector("#dev-teams").value.split(",").map((t) => t.trim()).filter(Boolean);
    const roles = [...form.querySelectorAll("input[name=role]:checked")].map((box) => box.value);
    try {
      const answer = await api("/dev/token", {
        method: "POST",
        body: { email: form.querySelector("#dev-email").value.trim(), name: form.querySelector("#dev-name").value.trim(), teams, roles },
      });
      signIn(answer.data.token);
      location.hash = returnRoute();
    } catch (error) {
      const box = errorBox(error, "Sign-in failed");
      problems.replaceChildren(box);
      box.focus();
    }
  });
  return form;
}
