// The graph view: the neighbourhood of a resource drawn with Cytoscape. The server-rendered
// SVG picture and the table of links stay the fallback without this script. Clicking a node
// centres the graph on it (its neighbourhood is fetched as JSON); the panel links its page.
import cytoscape from "cytoscape";

const COLORS = {
  body: "#1f5fa8", policy: "#7a3e9d", goal: "#1d7a4f", assignment: "#b35900",
  consultation: "#a3324a", meeting: "#4d5b6a", document: "#5f6b2f", other: "#555555",
};
const SHAPES = {
  body: "round-rectangle", policy: "rectangle", goal: "ellipse", assignment: "diamond",
  consultation: "hexagon", meeting: "octagon", document: "tag", other: "ellipse",
};

function elements(data) {
  const nodes = data.nodes.map((n) => ({
    data: { id: n.iri, label: n.short, type: n.type, page: n.page, full: n.label, focus: n.focus ? 1 : 0 },
  }));
  const edges = data.edges.map((e, i) => ({
    data: { id: `e${i}`, source: e.source, target: e.target, label: e.label },
  }));
  return [...nodes, ...edges];
}

function start(root) {
  const canvas = root.querySelector("[data-graph-canvas]");
  const fallback = root.querySelector("[data-graph-fallback]");
  const panel = root.querySelector("[data-graph-panel]");
  const status = root.querySelector("[data-graph-status]");
  let url = root.dataset.graphJson;
  canvas.hidden = false;            // visible before Cytoscape measures its container
  if (fallback) fallback.hidden = true;
  const cy = cytoscape({
    container: canvas,
    style: [
      { selector: "node", style: {
        "background-color": (n) => COLORS[n.data("type")] || COLORS.other,
        shape: (n) => SHAPES[n.data("type")] || "ellipse",
        label: "data(label)", color: "#111", "font-size": 11, "text-wrap": "wrap", "text-max-width": 130,
        "text-valign": "bottom", "text-margin-y": 4, width: 22, height: 22,
        "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
      } },
      { selector: "node[focus = 1]", style: { width: 34, height: 34, "border-width": 4, "border-color": "#111",
        "font-weight": "bold" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f2b705" } },
      { selector: "edge", style: {
        width: 1.5, "line-color": "#8a8f98", "target-arrow-color": "#8a8f98", "target-arrow-shape": "triangle",
        "curve-style": "bezier", label: "data(label)", "font-size": 9, color: "#333",
        "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8,
      } },
    ],
  });

  function showPanel(d) {
    if (!panel) return;
    panel.querySelector("[data-graph-title]").textContent = d.full || d.label;
    const a = panel.querySelector("[data-graph-open]");
    a.href = d.page;
    a.hidden = false;
  }

  async function load(jsonUrl, push) {
    if (status) status.textContent = root.dataset.loading || "…";
    const r = await fetch(jsonUrl, { headers: { Accept: "application/json" } });
    if (!r.ok) { if (status) status.textContent = `${r.status}`; return; }
    const data = await r.json();
    cy.elements().remove();
    cy.add(elements(data));
    cy.resize();
    cy.layout({ name: "concentric", concentric: (n) => (n.data("focus") ? 2 : 1), levelWidth: () => 1,
                minNodeSpacing: 70, spacingFactor: 1.3, animate: false, padding: 24 }).run();
    const focus = data.nodes.find((n) => n.focus);
    if (focus) showPanel({ full: focus.label, page: focus.page });
    if (status) status.textContent = `${data.nodes.length} · ${data.edges.length}`;
    url = jsonUrl;
    if (push && data.url) history.pushState({ graph: jsonUrl }, "", data.url);
    const h1 = document.querySelector("h1 [data-graph-focus]");
    if (h1 && focus) h1.textContent = focus.label;
  }

  cy.on("tap", "node", (ev) => {
    const d = ev.target.data();
    showPanel(d);
    if (!d.focus) {
      const u = new URL(root.dataset.graphJson, location.href);
      u.searchParams.set("iri", d.id);
      load(u.pathname + u.search, true);
    }
  });
  let resizing = null;                // keep the picture fitted when the window changes size
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { cy.resize(); cy.fit(undefined, 24); }, 100);
  });
  window.addEventListener("popstate", (ev) => { if (ev.state && ev.state.graph) load(ev.state.graph, false); });
  history.replaceState({ graph: url }, "", location.href);
  load(url, false);
  window.styrgrafGraph = cy;
}

const root = document.querySelector("[data-graph-json]");
if (root) start(root);
