// sitrep search: queries search.json in the browser. Every word of the query must
// begin some word of a report (its title, summary, countries, region or text);
// title, country and region matches rank first, then newer reports.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var index = null;

  // The same folding as the index (sitrep's `fold_word`): decomposed, combining
  // marks dropped, lower case; words are runs of letters and digits in any script.
  function fold(text) {
    return (text || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }
  function prepare(doc) {
    return {
      doc: doc,
      title: words(doc.t),
      places: words((doc.c || []).join(" ") + " " + (doc.r || "")),
      summary: words(doc.s),
      body: (doc.w || "").split(" ")
    };
  }
  function hit(list, term) {
    for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(term, 0) === 0) return true;
    return false;
  }
  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (hit(entry.title, t)) s += 5;
      if (hit(entry.places, t)) s += 4;
      if (hit(entry.summary, t)) s += 2;
      if (hit(entry.body, t)) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }
  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function show(query) {
    results.textContent = "";
    var terms = words(query);
    if (!terms.length) { status.textContent = ""; return; }
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], terms);
      if (s > 0) found.push({ s: s, doc: index[i].doc });
    }
    found.sort(function (a, b) { return b.s - a.s || (a.doc.d < b.doc.d ? 1 : a.doc.d > b.doc.d ? -1 : 0); });
    var shown = Math.min(found.length, 50);
    status.textContent = (found.length === 1 ? "1 report found." : found.length + " reports found.") +
      (found.length > shown ? " The first " + shown + " are shown." : "");
    found.slice(0, 50).forEach(function (f) {
      var li = element("li", "report-card");
      var h = element("h2", "report-card-title");
      var a = element("a", null, f.doc.t);
      a.href = root + f.doc.p;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(element("p", "meta", [f.doc.d, f.doc.r].filter(Boolean).join(" · ")));
      if (f.doc.s) li.appendChild(element("p", "summary", f.doc.s));
      results.appendChild(li);
    });
  }
  function run() {
    var q = input.value;
    if (index) { show(q); return; }
    status.textContent = "Loading the index…";
    fetch(root + "search.json").then(function (r) { return r.json(); }).then(function (data) {
      index = data.docs.map(prepare);
      show(input.value);
    }).catch(function () { status.textContent = "The search index could not be loaded."; });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run();
  });
  input.addEventListener("input", function () { if (index) show(input.value); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
