/* disclosure-lint html output: pages of a batch, tooltips, sorting and filtering the dashboard.
   The page is complete without this script (printing, no-script viewers); nothing here loads
   anything, and text from reports is only ever moved as DOM nodes, never parsed as HTML. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var data = JSON.parse(document.getElementById("dl-data").textContent);
  function byId(id) { return document.getElementById(id); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* ---- a batch shows one page at a time: the dashboard, or the report a link points into ---- */
  function show(hash) {
    if (!data.batch) { return; }
    var id = "";
    try { id = decodeURIComponent((hash || "").replace(/^#/, "")); } catch (e) { id = ""; }
    var target = id ? byId(id) : null;
    var page = (target && target.closest(".page")) || byId("dashboard");
    each(document.querySelectorAll(".page"), function (p) { p.classList.toggle("current", p === page); });
    if (target && target !== page) {
      target.scrollIntoView({ block: "center" });
    } else {
      window.scrollTo(0, 0);
    }
  }
  window.addEventListener("hashchange", function () { show(location.hash); });
  show(location.hash);

  /* ---- tooltips: the findings about a highlighted place, on hover or keyboard focus ---- */
  var tip = byId("tip");
  var hovered = null, shownFor = null;
  function place(el) {
    var r = el.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 8) { top = Math.max(8, r.top - h - 6); }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function openTip(el) {
    var src = byId(el.getAttribute("data-tip"));
    if (!src) { return; }
    var copies = Array.prototype.map.call(src.childNodes, function (n) { return n.cloneNode(true); });
    tip.replaceChildren.apply(tip, copies);
    tip.hidden = false;
    shownFor = el;
    place(el);
  }
  function closeTip() { tip.hidden = true; shownFor = null; }
  function focusedTip() {
    var a = document.activeElement;
    return a && a.closest ? a.closest("[data-tip]") : null;
  }
  document.addEventListener("mouseover", function (e) {
    var el = e.target.closest ? e.target.closest("[data-tip]") : null;
    if (el === hovered) { return; }
    hovered = el;
    if (el) { openTip(el); } else if (focusedTip()) { openTip(focusedTip()); } else { closeTip(); }
  });
  document.addEventListener("focusin", function (e) {
    var el = e.target.closest ? e.target.closest("[data-tip]") : null;
    if (el) { openTip(el); } else if (!hovered) { closeTip(); }
  });
  document.addEventListener("focusout", function (e) {
    var next = e.relatedTarget && e.relatedTarget.closest ? e.relatedTarget.closest("[data-tip]") : null;
    if (!next && !hovered) { closeTip(); }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { closeTip(); } });
  window.addEventListener("scroll", function () { if (shownFor) { place(shownFor); } }, { passive: true });
  window.addEventListener("resize", function () { if (shownFor) { place(shownFor); } });

  /* ---- the dashboard: sort by any column, filter by agency, year, template, rule ---- */
  var table = byId("reports");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var locale = data.lang === "en" ? "en" : "zh-CN";
  each(table.querySelectorAll("th button[data-sort]"), function (button) {
    button.addEventListener("click", function () {
      var th = button.parentElement;
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      each(table.querySelectorAll("th"), function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = button.getAttribute("data-type") === "num";
      var col = th.cellIndex;
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v");
        var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, locale);
        if (c !== 0) { return ascending ? c : -c; }
        return a.getAttribute("data-path").localeCompare(b.getAttribute("data-path"));
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  });

  var query = byId("f-q"), year = byId("f-year"), template = byId("f-template");
  var rule = byId("f-rule"), problems = byId("f-problems"), shown = byId("f-shown");
  function norm(s) { return (s || "").toLowerCase().replace(/\s+/g, ""); }
  function apply() {
    var q = norm(query.value), count = 0;
    each(tbody.rows, function (row) {
      var ok = (!q || norm(row.getAttribute("data-agency")).indexOf(q) >= 0 ||
                norm(row.getAttribute("data-path")).indexOf(q) >= 0) &&
        (!year.value || row.getAttribute("data-year") === year.value) &&
        (!template.value || row.getAttribute("data-template") === template.value) &&
        (!rule.value || (" " + row.getAttribute("data-rules") + " ").indexOf(" " + rule.value + " ") >= 0) &&
        (!problems.checked || row.getAttribute("data-problems") === "1");
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = data.strings.shown.replace("{shown}", String(count))
      .replace("{total}", String(tbody.rows.length));
  }
  [query, year, template, rule, problems].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  each(document.querySelectorAll(".chart-svg g.row"), function (g) {
    function pick() {
      rule.value = g.getAttribute("data-rule");
      apply();
      table.scrollIntoView({ block: "start" });
    }
    g.addEventListener("click", pick);
    g.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); }
    });
  });
  apply();
}());
