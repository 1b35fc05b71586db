// The review page's script (reflow.review): one listener per event type, never one per mark,
// so a book of 10,000 marks costs nothing to set up; explanations come from the JSON block.
"use strict";
(function () {
  var E = JSON.parse(document.getElementById("reflow-data").textContent).e;
  var tip = document.getElementById("tip"), bar = document.getElementById("bar");
  var cur = null, lit = [];
  function mark(t) { return t && t.closest ? t.closest("[data-d]") : null; }
  function twin(m) {
    var side = m.closest(".raw") ? ".out" : ".raw";
    return document.querySelector(side + ' [data-d="' + m.dataset.d + '"]');
  }
  function show(m) {
    tip.textContent = E[+m.dataset.d];
    tip.hidden = false;
    var r = m.getBoundingClientRect();
    var x = Math.max(4, Math.min(r.left, innerWidth - tip.offsetWidth - 8));
    var y = r.bottom + 6;
    if (y + tip.offsetHeight > innerHeight - 34) y = Math.max(4, r.top - tip.offsetHeight - 6);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function select(m) {
    if (cur) { cur.classList.remove("cur"); var o = twin(cur); if (o) o.classList.remove("cur"); }
    cur = m;
    m.classList.add("cur");
    var t = twin(m); if (t) t.classList.add("cur");
    var u = document.querySelectorAll(".raw b.u"), at = Array.prototype.indexOf.call(u, m);
    bar.textContent = E[+m.dataset.d] + (at >= 0 ? "   [uncertain " + (at + 1) + " of " + u.length + "]" : "");
  }
  function light(b) {
    lit.forEach(function (e) { e.classList.remove("hl"); });
    lit = [];
    if (!b) return;
    var s = (b.dataset.l || "").split("-"), a = +s[0], z = Math.min(+s[1], a + 400);
    for (var i = a; i <= z; i++) {
      var p = document.getElementById(String(i));
      if (p) { p.classList.add("hl"); lit.push(p); }
    }
    b.classList.add("hl"); lit.push(b);
  }
  document.addEventListener("mouseover", function (e) {
    var m = mark(e.target);
    if (m) show(m);
    else if (cur && document.activeElement === cur) show(cur);
    else tip.hidden = true;
    var b = e.target.closest ? e.target.closest(".out .b") : null;
    if (b !== (lit.length ? lit[lit.length - 1] : null)) light(b);
  });
  document.addEventListener("focusin", function (e) {
    var m = mark(e.target);
    if (m) { show(m); select(m); }
  });
  document.addEventListener("focusout", function () { tip.hidden = true; });
  document.addEventListener("click", function (e) {
    var m = mark(e.target);
    if (!m) return;
    if (m.closest(".out")) { var t = twin(m); if (t) { go(t); return; } }
    m.focus();
    select(m);
    show(m);
  });
  function go(m) {
    m.scrollIntoView({block: "center"});
    m.focus({preventScroll: true});
  }
  function step(sel, fwd) {
    var list = document.querySelectorAll(sel);
    if (!list.length) { bar.textContent = "No " + (sel === ".raw b.u" ? "uncertain " : "") + "decisions on this page."; return; }
    var i, n = list.length;
    if (!cur) { go(list[fwd ? 0 : n - 1]); return; }
    if (fwd) {
      for (i = 0; i < n; i++) if (cur.compareDocumentPosition(list[i]) & 4) { go(list[i]); return; }
      go(list[0]);
    } else {
      for (i = n - 1; i >= 0; i--) if (cur.compareDocumentPosition(list[i]) & 2) { go(list[i]); return; }
      go(list[n - 1]);
    }
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === "Escape") { tip.hidden = true; return; }
    if (k === "n" || k === "p") step(".raw b.u", k === "n");
    else if (k === "j" || k === "k") step(".raw b.d", k === "j");
    else return;
    e.preventDefault();
  });
})();
