// styrgraf pages: small enhancements; every page works without them.
//  * search boxes (form[data-suggest]): suggestions as you type from /api/v1/search (ARIA combobox)
//  * document page: clicking a highlighted quote (<mark class="ev">) shows the facts read from it
//  * SPARQL page: runs the query against /sparql, shows a table, downloads CSV/JSON by Accept header
(function () {
  "use strict";
  var lang = document.documentElement.lang || "sv";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  // ------------------------------------------------------------------ search suggestions
  function suggest(form) {
    var input = form.querySelector("[role=combobox]");
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!input || !list) return;
    var items = [], active = -1, timer = null, seq = 0;

    function close() {
      list.hidden = true; list.innerHTML = ""; items = []; active = -1;
      input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
    }
    function select(i) {
      var opts = list.querySelectorAll("[role=option]");
      opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && opts[i]) {
        input.setAttribute("aria-activedescendant", opts[i].id);
        opts[i].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function go(i) {
      if (i >= 0 && i < items.length) window.location.href = items[i].page;
      else form.submit();
    }
    function show(data, q) {
      list.innerHTML = ""; items = data.items || [];
      items.forEach(function (it, i) {
        var li = el("li", { role: "option", id: list.id + "-o" + i, "aria-selected": "false", "data-page": it.page });
        li.appendChild(el("span", { class: "badge t-" + it.type }, it.type_label));
        li.appendChild(el("span", { class: "lbl" }, it.label.length > 110 ? it.label.slice(0, 109) + "…" : it.label));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); go(i); });
        list.appendChild(li);
      });
      var more = el("li", { role: "option", id: list.id + "-more", "aria-selected": "false", class: "more" },
        (lang === "en" ? "All results for “" : "Alla träffar för ”") + q + (lang === "en" ? "”" : "”"));
      more.addEventListener("mousedown", function (ev) { ev.preventDefault(); go(-1); });
      list.appendChild(more);
      list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch("/api/v1/search?limit=8&lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(q),
              { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (data) { if (mine === seq && input.value.trim() === q) show(data, q); })
          .catch(function () {});
      }, 150);
    });
    input.addEventListener("keydown", function (ev) {
      var n = list.querySelectorAll("[role=option]").length;
      if (ev.key === "ArrowDown" && n) { ev.preventDefault(); select((active + 1) % n); }
      else if (ev.key === "ArrowUp" && n) { ev.preventDefault(); select(active <= 0 ? n - 1 : active - 1); }
      else if (ev.key === "Enter" && active >= 0 && !list.hidden) {
        ev.preventDefault(); go(active < items.length ? active : -1);
      } else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  document.querySelectorAll("form[data-suggest]").forEach(suggest);

  // ------------------------------------------------------------------ document page: facts of a quote
  var text = document.querySelector("[data-doc-text]");
  var pop = document.getElementById("fact-popover");
  if (text && pop) {
    var body = pop.querySelector("[data-body]");
    var opener = null;
    function hide() {
      pop.hidden = true;
      document.querySelectorAll("mark.ev.active, ol.spans li.active").forEach(function (m) { m.classList.remove("active"); });
      if (opener) { opener.focus(); opener = null; }
    }
    function open(mark) {
      var keys = [], m = mark;
      while (m && m !== text) {
        if (m.matches && m.matches("mark.ev")) {
          var k = m.getAttribute("data-ev");
          if (keys.indexOf(k) < 0) keys.push(k);
        }
        m = m.parentElement;
      }
      body.innerHTML = "";
      keys.forEach(function (k) {
        var src = document.getElementById("facts-" + k);
        if (!src) return;
        src.classList.add("active");
        var box = src.closest(".doc-facts");         // bring the span into view in the side panel
        if (box && keys[0] === k && getComputedStyle(box).position === "sticky") box.scrollTop = src.offsetTop - 8;
        var quote = src.querySelector(".span-link");
        var bq = el("blockquote", null, quote ? quote.textContent : "");
        body.appendChild(bq);
        var facts = src.querySelector(".span-facts");
        if (facts) body.appendChild(facts.cloneNode(true));
        var link = el("a", { href: "#facts-" + k }, lang === "en" ? "In the list of facts" : "I listan över uppgifter");
        body.appendChild(el("p")).appendChild(link);
      });
      document.querySelectorAll("mark.ev.active").forEach(function (x) { x.classList.remove("active"); });
      var first = document.getElementById(mark.getAttribute("data-ev")) || mark;
      first.classList.add("active");
      var r = mark.getBoundingClientRect();
      pop.hidden = false;
      var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8));
      pop.style.left = left + "px";
      pop.style.top = (window.scrollY + r.bottom + 6) + "px";
      opener = mark.id ? mark : (document.getElementById(mark.getAttribute("data-ev")) || mark);
      pop.querySelector("[data-close]").focus({ preventScroll: true });
    }
    text.addEventListener("click", function (ev) {
      var mark = ev.target.closest && ev.target.closest("mark.ev");
      if (mark) { ev.preventDefault(); open(mark); }
    });
    text.addEventListener("keydown", function (ev) {
      if ((ev.key === "Enter" || ev.key === " ") && ev.target.matches && ev.target.matches("mark.ev")) {
        ev.preventDefault(); open(ev.target);
      }
    });
    pop.querySelector("[data-close]").addEventListener("click", hide);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && !pop.hidden) hide(); });
    document.addEventListener("click", function (ev) {
      if (!pop.hidden && !pop.contains(ev.target) && !(ev.target.closest && ev.target.closest("mark.ev"))) {
        opener = null; hide();
      }
    });
    // opening /dokument/…#ev-S-E from a fact page shows its facts at once
    if (/^#ev-\d+-\d+$/.test(location.hash)) {
      var target = document.getElementById(location.hash.slice(1));
      if (target) setTimeout(function () { open(target); opener = null; }, 50);
    }
  }

  // ------------------------------------------------------------------ SPARQL page
  var form = document.getElementById("sparql-form");
  if (form) {
    var textarea = form.querySelector("textarea[name=query]");
    var results = document.querySelector("[data-results]");
    var endpoint = form.getAttribute("data-endpoint") || "/sparql";
    var base = form.getAttribute("data-base") || "";
    var texts = JSON.parse((document.getElementById("examples-data") || {}).textContent || "[]");
    var names = JSON.parse((document.getElementById("examples-names") || {}).textContent || "[]");
    var select = form.querySelector("#example");
    var SEG = { org: "organ", doc: "dokument", policy: "styrdokument", goal: "mal", responsibility: "ansvar",
                assignment: "uppdrag", consultation: "remisser", meeting: "sammantraden" };
    function getQuery() { return window.styrgrafEditor ? window.styrgrafEditor.get() : textarea.value; }
    function setQuery(q) { if (window.styrgrafEditor) window.styrgrafEditor.set(q); else textarea.value = q; }
    // an IRI under the base (data-base, the configured one) is at its path here, whatever
    // address the page was served on (as api/links.py local_path), or at its collection's page
    function pageOf(iri) {
      if (!base || iri.indexOf(base) !== 0) return null;
      var path = iri.slice(base.length);
      if (path.indexOf("id/") === 0) {
        var rest = path.slice(3), seg = rest.split("/")[0], id = rest.slice(seg.length + 1);
        if (SEG[seg] && id && !(seg === "doc" && id.indexOf("/") >= 0)) return "/" + SEG[seg] + "/" + id;
      }
      return "/" + path;
    }
    // where a result IRI links to: its page here, else the IRI itself if it is http(s); any
    // other scheme (javascript:, data:, …) would run or load in this page, so it stays text
    function linkOf(iri) { return pageOf(iri) || (/^https?:\/\//i.test(iri) ? iri : null); }
    function updateLinks() {
      form.querySelectorAll("[data-download]").forEach(function (a) {
        var fmt = a.getAttribute("data-download") === "text/csv" ? "csv" : "json";
        a.href = endpoint + "?query=" + encodeURIComponent(getQuery()) + "&format=" + fmt;
      });
    }
    function loadExample() {
      var i = names.indexOf(select.value);
      if (i >= 0) { setQuery(texts[i]); updateLinks(); }
    }
    form.querySelector("[data-load-example]").addEventListener("click", function (ev) { ev.preventDefault(); loadExample(); });
    select.addEventListener("change", loadExample);

    function post(accept) {
      return fetch(endpoint, {
        method: "POST",
        headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: "query=" + encodeURIComponent(getQuery()),
      });
    }
    function render(json, truncated) {
      results.innerHTML = "";
      if (typeof json.boolean === "boolean") {
        results.appendChild(el("p", null, json.boolean ? results.dataset.true : results.dataset.false));
        return;
      }
      var vars = json.head.vars || [], rows = json.results.bindings || [];
      results.appendChild(el("p", { class: "muted" }, rows.length + " " + results.dataset.rowsLabel +
        (truncated ? " – " + results.dataset.truncatedLabel : "")));
      var wrap = el("div", { class: "table-wrap" }), table = el("table", { class: "results" });
      var tr = el("tr");
      vars.forEach(function (v) { tr.appendChild(el("th", { scope: "col" }, v)); });
      table.appendChild(el("thead")).appendChild(tr);
      var tbody = el("tbody");
      rows.slice(0, 2000).forEach(function (b) {
        var row = el("tr");
        vars.forEach(function (v) {
          var td = el("td"), term = b[v];
          if (term) {
            var href = term.type === "uri" && linkOf(term.value);
            if (href) td.appendChild(el("a", { href: href }, term.value));
            else td.textContent = term.value;
          }
          row.appendChild(td);
        });
        tbody.appendChild(row);
      });
      table.appendChild(tbody); wrap.appendChild(table); results.appendChild(wrap);
    }
    form.addEventListener("submit", function (ev) {
      if (ev.submitter && ev.submitter.hasAttribute("data-load-example")) return;
      ev.preventDefault();
      updateLinks();
      results.innerHTML = "<p class='muted'>…</p>";
      post("application/sparql-results+json, text/turtle;q=0.9").then(function (r) {
        var truncated = r.headers.get("X-Styrgraf-Truncated") === "true";
        var type = r.headers.get("Content-Type") || "";
        return r.text().then(function (body) {
          if (!r.ok) {
            results.innerHTML = "";
            results.appendChild(el("p", { class: "error", role: "alert" }, (lang === "en" ? "Error: " : "Fel: ") + body));
          } else if (type.indexOf("json") >= 0) render(JSON.parse(body), truncated);
          else { results.innerHTML = ""; results.appendChild(el("pre", { class: "turtle" }, body)); }
        });
      }).catch(function (e) { results.textContent = String(e); });
      var url = new URL(location.href);
      url.searchParams.set("query", getQuery());
      url.searchParams.delete("load");
      history.replaceState(null, "", url.pathname + "?" + url.searchParams.toString());
    });
    form.querySelectorAll("[data-download]").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        post(a.getAttribute("data-download")).then(function (r) {
          if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
          return r.blob();
        }).then(function (blob) {
          var url = URL.createObjectURL(blob), tmp = el("a", { href: url, download: a.getAttribute("download") });
          document.body.appendChild(tmp); tmp.click(); tmp.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        }).catch(function (e) {
          results.innerHTML = ""; results.appendChild(el("p", { class: "error", role: "alert" }, String(e.message || e)));
        });
      });
    });
  }
})();
