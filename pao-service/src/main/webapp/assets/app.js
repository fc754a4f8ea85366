// The portal shell: sign-in state, navigation by role, and hash routes to one module per page.
import { api } from "./api.js";
import { currentToken, finishOidc, hasRole, me, rememberReturn, returnRoute, signOut } from "./auth.js";
import { errorBox, h, page } from "./ui.js";
import { signInPage } from "./sign-in.js";
import { catalogPage } from "./catalog.js";
import { itemPage } from "./item.js";
import { requestsPage } from "./requests.js";
import { requestPage } from "./request.js";
import { syncPage, validatePage } from "./platform.js";
import { queuePage } from "./queue.js";
import { approvalsPage } from "./approvals.js";

const routes = [
  [/^#\/sign-in/, signInPage, { open: true }],
  [/^#\/?$/, catalogPage],
  [/^#\/items\/([^/?]+)/, itemPage],
  [/^#\/requests\/([0-9a-f-]{36})/, requestPage],
  [/^#\/requests/, requestsPage],
  [/^#\/approvals/, approvalsPage],
  [/^#\/platform\/catalog/, syncPage, { role: "platform" }],
  [/^#\/platform\/validate/, validatePage, { role: "platform" }],
  [/^#\/admin\/queue/, queuePage, { role: "admin" }],
];

let config = null;
let stopPage = null;

async function portalConfig() {
  if (!config) config = (await api("/portal/config")).data;
  return config;
}

async function render() {
  const main = document.getElementById("main");
  if (stopPage) {
    stopPage();
    stopPage = null;
  }
  const hash = location.hash || "#/";
  // Each route draws into a container of its own: an earlier route that finishes late finds its
  // container detached and draws nothing over the current page.
  const container = document.createElement("div");
  main.replaceChildren(container);
  const current = () => container.isConnected;
  const [pattern, view, options = {}] = routes.find(([p]) => p.test(hash)) || [];
  try {
    const settings = await portalConfig();
    if (!view) {
      page(container, "Not found", h("p", {}, "There is no such page. ", h("a", { href: "#/" }, "Go to the catalog")));
      return;
    }
    if (!options.open && !currentToken()) {
      rememberReturn(hash);
      location.hash = "#/sign-in";
      return;
    }
    const who = options.open ? null : await me(api);
    if (!current()) return;
    shell(who, hash);
    if (options.role && !hasRole(who, options.role)) {
      page(container, "Not allowed", h("p", {}, `This page is for the ${options.role} role.`));
      return;
    }
    const params = hash.match(pattern).slice(1).map(decodeURIComponent);
    const query = new URLSearchParams(hash.split("?")[1] || "");
    const stop = (await view(container, { params, query, who, config: settings })) || null;
    if (current()) stopPage = stop;
    else if (stop) stop();
  } catch (error) {
    if (error.status === 401 || !current()) return;
    container.replaceChildren(errorBox(error));
  }
}

function shell(who, hash) {
  const nav = document.getElementById("nav");
  const links = [["#/", "Catalog"], ["#/requests", "Requests"], ["#/approvals", "Approvals"]];
  if (hasRole(who, "platform")) links.push(["#/platform/catalog", "Catalog sync"], ["#/platform/validate", "Validate a document"]);
  if (hasRole(who, "admin")) links.push(["#/admin/queue", "Queue"]);
  const section = (link) => (link === "#/" ? /^#\/(items.*)?$/.test(hash) || hash === "" : hash.startsWith(link));
  nav.replaceChildren(...links.map(([href, label]) => h("a", { href, "aria-current": section(href) ? "page" : null }, label)));
  const whoBox = document.getElementById("who");
  whoBox.replaceChildren(
    ...(who ? [h("span", { class: "signed-in-as" }, who.name || who.email), h("button", { type: "button", id: "sign-out", onclick: signOut }, "Sign out")] : []),
  );
}

async function start() {
  try {
    const settings = await portalConfig();
    if (settings.oidc && (await finishOidc(settings.oidc))) {
      location.hash = returnRoute();
    }
  } catch (error) {
    document.getElementById("main").replaceChildren(errorBox(error, "Sign-in failed"));
    return;
  }
  window.addEventListener("hashchange", render);
  await render();
  // The first page is drawn and its controls work: the portal's time to interactive.
  performance.mark("pao-ready");
  document.documentElement.dataset.ready = "true";
}

start();
