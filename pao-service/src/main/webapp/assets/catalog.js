// The catalog: search words and category/tag/owner/kind filters (sent to GET /catalog), cards.
import { api } from "./api.js";
import { h, page, announce } from "./ui.js";

export async function catalogPage(main, { query }) {
  const all = (await api("/catalog?limit=200&fields=category,tags,owner")).data;
  const distinct = (values) => [...new Set(values.filter(Boolean))].sort();
  const categories = distinct(all.map((e) => e.category));
  const tags = distinct(all.flatMap((e) => e.tags || []));
  const owners = distinct(all.map((e) => e.owner));

  const select = (id, label, values, current) =>
    h("div", {}, h("label", { for: id }, label), h("select", { id, name: id }, h("option", { value: "" }, "Any"), values.map((v) => h("option", { value: v, selected: v === current }, v))));
  const search = h("input", { id: "q", name: "q", type: "search", value: query.get("q") || "", autocomplete: "off" });
  const form = h(
    "form",
    { class: "filters", role: "search", id: "catalog-filters" },
    h("div", {}, h("label", { for: "q" }, "Search"), search),
    select("category", "Category", categories, query.get("category")),
    select("tag", "Tag", tags, query.get("tag")),
    select("owner", "Owner team", owners, query.get("owner")),
    select("kind", "Kind", ["item", "bundle"], query.get("kind")),
  );
  const count = h("p", { id: "result-count", role: "status" });
  const list = h("ul", { class: "cards", id: "catalog-cards" });
  page(main, "Catalog", h("p", {}, "Pick what you need; the form explains each field, and you see exactly what will happen before you submit."), form, count, list);

  let timer;
  let generation = 0;
  const refresh = async () => {
    const params = new URLSearchParams();
    for (const name of ["q", "category", "tag", "owner", "kind"]) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    history.replaceState(null, "", "#/" + (params.toString() ? "?" + params : ""));
    params.set("limit", "200");
    const mine = ++generation;
    const entries = (await api("/catalog?" + params)).data;
    if (mine !== generation) return;
    list.replaceChildren(...entries.map(card));
    count.textContent = entries.length === 1 ? "1 entry" : `${entries.length} entries`;
    announce(count.textContent);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  await refresh();
  return () => clearTimeout(timer);
}

function card(entry) {
  return h(
    "li",
    { class: "card", "data-id": entry.id },
    h("h2", {}, h("a", { href: "#/items/" + encodeURIComponent(entry.id) }, entry.name)),
    h("p", {}, entry.description),
    h("p", { class: "meta" }, h("span", { class: "badge" }, entry.kind), " ", `version ${entry.version}`, entry.owner ? ` · owner ${entry.owner}` : "", entry.category ? ` · ${entry.category}` : ""),
    entry.tags && entry.tags.length ? h("p", { class: "meta" }, "Tags: " + entry.tags.join(", ")) : null,
    entry.access && !entry.access.allowed ? h("p", { class: "meta not-entitled" }, "Not available to your teams") : null,
  );
}
