// Admin: queue depth and processing rate (sampled while the page is open), dead letters with
// redrive, and stuck requests.
import { api } from "./api.js";
import { errorBox, facts, h, page, statusBadge, time, uuid } from "./ui.js";

const SAMPLES = 60;

export async function queuePage(main) {
  const stats = h("section", { id: "queue-stats" });
  const chart = h("figure", {}, svgChart([]), h("figcaption", {}, "Main queue depth (solid) and messages processed per minute (dashed), one sample every 5 s."));
  const letters = h("section", { id: "dead-letters" });
  const stuck = h("section", { id: "stuck" });
  const problems = h("div");
  page(main, "Queue", problems, stats, chart, letters, stuck);
  const samples = [];
  let timer;
  let stopped = false;

  const drawStats = async () => {
    const s = (await api("/queue/stats")).data;
    samples.push({ depth: s.main.depth, rate: s.processed_per_minute });
    if (samples.length > SAMPLES) samples.shift();
    stats.replaceChildren(
      h("h2", {}, "Statistics"),
      facts([
        ["Main queue depth", s.main.depth],
        ["In flight", s.main.in_flight],
        ["Oldest message age", s.main.oldest_message_age_seconds == null ? "–" : s.main.oldest_message_age_seconds + " s"],
        ["Dead letters", s.dlq.depth],
        ["Processed per minute", `${s.processed_per_minute.toFixed(1)} (last ${s.rate_window_minutes} min)`],
      ]),
    );
    chart.replaceChild(svgChart(samples), chart.firstChild);
  };

  const drawLetters = async () => {
    const list = (await api("/queue/dlq/messages")).data;
    letters.replaceChildren(
      h("h2", {}, `Dead letters (${list.length})`),
      list.length
        ? h("div", { class: "table-wrap" }, h("table", { id: "dead-letter-table" }, h("caption", { class: "visually-hidden" }, "Dead letters, oldest first"),
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Group (request)"), h("th", { scope: "col" }, "Received"), h("th", { scope: "col" }, "Sent"), h("th", { scope: "col" }, "Body"), h("th", { scope: "col" }, "Action"))),
            h("tbody", {}, list.map((letter) => h("tr", { "data-group": letter.message_group_id },
              h("td", {}, h("code", {}, letter.message_group_id)), h("td", {}, `${letter.receive_count} times`), h("td", {}, time(letter.sent_at)),
              h("td", {}, h("code", {}, JSON.stringify(letter.body))),
              h("td", {}, h("button", { type: "button", class: "redrive", "aria-label": "Redrive message of group " + letter.message_group_id, onclick: (e) => redrive(letter, e.target) }, "Redrive")))))))
        : h("p", {}, "The dead-letter queue is empty."),
    );
  };

  const redrive = async (letter, button) => {
    button.disabled = true;
    problems.replaceChildren();
    try {
      await api(`/queue/dlq/${encodeURIComponent(letter.message_id)}/redrive`, { method: "POST", idempotencyKey: uuid() });
      problems.replaceChildren(h("div", { class: "notice", role: "status", id: "redriven" }, `Moved the message of group ${letter.message_group_id} back to the queue.`));
      await drawLetters();
    } catch (error) {
      button.disabled = false;
      problems.replaceChildren(errorBox(error, "The redrive did not go through"));
    }
  };

  const drawStuck = async () => {
    const list = (await api("/requests?status=stuck&limit=50")).data;
    stuck.replaceChildren(h("h2", {}, `Stuck requests (${list.length})`),
      list.length ? h("ul", {}, list.map((r) => h("li", {}, h("a", { href: "#/requests/" + r.id }, `${r.catalog_item_id} ${r.id.slice(0, 8)}`), " ", statusBadge(r.status)))) : h("p", {}, "None."));
  };

  const tick = async () => {
    try {
      await drawStats();
    } catch (error) {
      if (error.status === 401) return;
      problems.replaceChildren(errorBox(error));
    }
    if (!stopped) timer = setTimeout(tick, 5000);
  };
  await Promise.all([drawStats(), drawLetters(), drawStuck()]);
  timer = setTimeout(tick, 5000);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function svgChart(samples) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 300 100");
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  const last = samples[samples.length - 1];
  svg.setAttribute("aria-label", last ? `Queue depth now ${last.depth}, processed per minute ${last.rate.toFixed(1)}` : "No samples yet");
  // One sample draws as a flat line across the chart.
  const drawn = samples.length === 1 ? [samples[0], samples[0]] : samples;
  const line = (key, dash) => {
    const max = Math.max(1, ...samples.map((s) => s[key]));
    const step = 300 / Math.max(1, Math.min(SAMPLES, drawn.length) - 1);
    const points = drawn.map((s, i) => `${i * step},${95 - (s[key] / max) * 90}`).join(" ");
    const path = document.createElementNS(ns, "polyline");
    path.setAttribute("points", points);
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "2");
    if (dash) path.setAttribute("stroke-dasharray", "5 3");
    svg.append(path);
  };
  if (samples.length) {
    line("depth", false);
    line("rate", true);
  }
  return svg;
}
