// sitrep search: queries the sharded index under search/ (its format: sitrep's
// src/render/search.rs). Each word of the query must begin some word of a report
// (two-letter words must match whole; scripts written without spaces match by
// character pairs). Title matches rank first, then countries and region, summary,
// text; then newer reports. Only the parts a query needs are downloaded: the shard
// of each word in each block searched (newest block first), the block's facets, and
// the result data shown. Filters by region, country and month show counts.
//
// The search itself (`searcher`) needs no page: node runs it in sitrep's tests.
(function () {
  "use strict";
  var WEIGHT = [1, 2, 4, 5]; // text, summary, places, title
  var ENOUGH = 50, BLOCKS_AT_ONCE = 3;
  var UNSPACED = /[\u0E00-\u0EFF\u0F00-\u0FFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F\u{20000}-\u{2FFFF}]/u;

  // The same folding and terms as the index (sitrep's `fold_word`, `for_each_term`).
  function fold(text) {
    return (text || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ");
  }
  function queryTerms(query) {
    var terms = [];
    fold(query).split(/[^\p{Alphabetic}\p{N}]+/u).forEach(function (word) {
      var chars = Array.from(word), i = 0;
      while (i < chars.length) {
        var unspaced = UNSPACED.test(chars[i]), j = i + 1;
        while (j < chars.length && UNSPACED.test(chars[j]) === unspaced) j++;
        var run = chars.slice(i, j);
        if (unspaced && run.length === 1) {
          terms.push({ text: run[0], prefix: true, key: run[0] });
        } else if (unspaced) {
          for (var k = 0; k + 1 < run.length; k++) {
            terms.push({ text: run[k] + run[k + 1], prefix: false, key: run[k] });
          }
        } else if (run.length >= 2) {
          terms.push({ text: run.join(""), prefix: run.length >= 3, key: run.slice(0, 3).join("") });
        }
        i = j;
      }
    });
    return terms;
  }

  var encoder = new TextEncoder(), decoder = new TextDecoder();
  function fnv1a(text) {
    var bytes = encoder.encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function reader(bytes) {
    var at = 0;
    return {
      more: function () { return at < bytes.length; },
      varint: function () {
        var v = 0, shift = 0, b;
        do { b = bytes[at++]; v += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
        return v;
      },
      text: function (n) { var s = decoder.decode(bytes.subarray(at, at + n)); at += n; return s; },
      skip: function (count) { while (count > 0) { if (!(bytes[at++] & 0x80)) count--; } }
    };
  }

  // Best field (0-3) per report of the block for one query term; -1 where absent.
  function termFields(shard, term, size) {
    var best = new Int8Array(size).fill(-1), r = reader(shard);
    while (r.more()) {
      var word = r.text(r.varint()), count = r.varint();
      var hit = term.prefix ? word.lastIndexOf(term.text, 0) === 0 : word === term.text;
      if (!hit) { r.skip(count); continue; }
      var id = 0;
      for (var k = 0; k < count; k++) {
        var v = r.varint(), field = v % 4;
        id += Math.floor(v / 4);
        if (field > best[id]) best[id] = field;
      }
    }
    return best;
  }

  function facets(bytes, size) {
    var r = reader(bytes), out = [];
    for (var i = 0; i < size; i++) {
      var region = r.varint() - 1, n = r.varint(), countries = [];
      for (var k = 0; k < n; k++) countries.push(r.varint());
      out.push({ region: region, countries: countries });
    }
    return out;
  }

  // A search over the index whose files `get(path, json)` loads (a promise of the
  // parsed JSON, or of the bytes as a Uint8Array).
  function searcher(get) {
    var meta = null;
    function monthOf(id) {
      var lo = 0, hi = meta.months.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (meta.months[mid][2] <= id) lo = mid; else hi = mid - 1;
      }
      return lo;
    }
    function blockSize(b) { return Math.min(meta.block, meta.docs - b * meta.block); }

    // Searches block `b`, adding its matches to `state.matches`.
    function searchBlock(state, b) {
      var size = blockSize(b), shards = meta.shards[b];
      var parts = state.terms.map(function (t) { return get(b + "/s" + (fnv1a(t.key) % shards) + ".bin"); });
      return Promise.all(parts).then(function (loaded) {
        var score = new Int32Array(size), alive = new Uint8Array(size).fill(1);
        state.terms.forEach(function (t, i) {
          var best = termFields(loaded[i], t, size);
          for (var id = 0; id < size; id++) {
            if (best[id] < 0) alive[id] = 0; else score[id] += WEIGHT[best[id]];
          }
        });
        var found = [];
        for (var id = 0; id < size; id++) if (alive[id]) found.push(id);
        if (!found.length) return;
        return get(b + "/f.bin").then(function (bytes) {
          var facet = facets(bytes, size);
          found.forEach(function (local) {
            var id = b * meta.block + local;
            state.matches.push({
              id: id, score: score[local], region: facet[local].region,
              countries: facet[local].countries, month: monthOf(id)
            });
          });
        });
      });
    }

    function passes(m, f, except) {
      if (except !== "region" && f.region && meta.regions[m.region] !== f.region) return false;
      if (except !== "country" && f.country &&
          !m.countries.some(function (c) { return meta.countries[c] === f.country; })) return false;
      if (except !== "month" && f.month && meta.months[m.month][0] !== f.month) return false;
      return true;
    }

    return {
      // The query's state, after searching the newest blocks (a promise); null when
      // the query has no word to search for.
      start: function (query) {
        var terms = queryTerms(query);
        if (!terms.length) return Promise.resolve(null);
        var loaded = meta ? Promise.resolve(meta) : get("meta.json", true);
        var self = this;
        return loaded.then(function (m) {
          meta = m;
          var state = { terms: terms, matches: [], next: meta.shards.length - 1 };
          return self.older(state).then(function () { return state; });
        });
      },
      // Searches older blocks until enough reports are found or BLOCKS_AT_ONCE are
      // done; `state.next` is then the next block to search (-1: all are searched).
      older: function (state) {
        var done = 0;
        function step() {
          if (state.next < 0 || (done > 0 && (done >= BLOCKS_AT_ONCE || state.matches.length >= ENOUGH))) {
            return Promise.resolve();
          }
          var b = state.next--;
          done++;
          return searchBlock(state, b).then(step);
        }
        return step();
      },
      // The matches that pass the filters `f` ({region, country, month}: a name, a
      // name, a month slug, or empty), best first, and the counts of each filter's
      // values among the matches that pass the other filters.
      results: function (state, f) {
        var counts = { region: {}, country: {}, month: {} };
        state.matches.forEach(function (m) {
          if (passes(m, f, "region") && m.region >= 0) counts.region[m.region] = (counts.region[m.region] || 0) + 1;
          if (passes(m, f, "country")) m.countries.forEach(function (c) { counts.country[c] = (counts.country[c] || 0) + 1; });
          if (passes(m, f, "month")) counts.month[m.month] = (counts.month[m.month] || 0) + 1;
        });
        var list = state.matches.filter(function (m) { return passes(m, f, null); });
        list.sort(function (a, b) { return b.score - a.score || b.id - a.id; });
        return { list: list, counts: counts };
      },
      // The month (`[slug, name, first id, count]`) from which on reports have been
      // searched, or null when all have.
      searchedFrom: function (state) {
        return state.next < 0 ? null : meta.months[monthOf((state.next + 1) * meta.block)];
      },
      // `[title, path, date, region, summary]` of report `id` (a promise).
      doc: function (id) {
        var b = Math.floor(id / meta.block), local = id % meta.block;
        return get(b + "/d" + Math.floor(local / meta.chunk) + ".json", true).then(function (chunk) {
          return chunk[local % meta.chunk];
        });
      },
      meta: function () { return meta; }
    };
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { searcher: searcher, queryTerms: queryTerms, fnv1a: fnv1a };
  }
  if (typeof document !== "undefined") page(searcher);

  // The search page: the form, the filters, the results.
  function page(searcher) {
    var form = document.querySelector(".search-form");
    if (!form) return;
    var root = form.getAttribute("data-root") || "";
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var filters = document.getElementById("search-filters");
    var moreButton = document.getElementById("search-more");
    var olderButton = document.getElementById("search-older");
    var selects = {
      region: document.getElementById("filter-region"),
      country: document.getElementById("filter-country"),
      month: document.getElementById("filter-month")
    };
    var PAGE = 20;
    var files = {};
    var index = searcher(function (path, json) {
      if (!files[path]) {
        files[path] = fetch(root + "search/" + path).then(function (r) {
          if (!r.ok) throw new Error(path + ": " + r.status);
          return json ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
        });
      }
      return files[path];
    });
    var search = null, shown = PAGE, asked = 0;

    function chosen() {
      return { region: selects.region.value, country: selects.country.value, month: selects.month.value };
    }
    function fillSelect(select, any, counts, names, value) {
      select.textContent = "";
      var first = document.createElement("option");
      first.value = ""; first.textContent = any;
      select.appendChild(first);
      names.forEach(function (entry) {
        if (!counts[entry[0]] && entry[1] !== value) return;
        var o = document.createElement("option");
        o.value = entry[1];
        o.textContent = entry[2] + " (" + (counts[entry[0]] || 0) + ")";
        select.appendChild(o);
      });
      select.value = value;
      if (select.value !== value) select.value = "";
    }
    function showFilters(counts, f) {
      var meta = index.meta();
      var regions = meta.regions.map(function (n, i) { return [i, n, n]; });
      var countries = meta.countries.map(function (n, i) { return [i, n, n]; }).sort(function (a, b) {
        return (counts.country[b[0]] || 0) - (counts.country[a[0]] || 0) || (a[1] < b[1] ? -1 : 1);
      });
      var months = meta.months.map(function (m, i) { return [i, m[0], m[1]]; }).reverse();
      fillSelect(selects.region, "All regions", counts.region, regions, f.region);
      fillSelect(selects.country, "All countries", counts.country, countries, f.country);
      fillSelect(selects.month, "All months", counts.month, months, f.month);
    }
    function element(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text) e.textContent = text;
      return e;
    }
    function card(doc) {
      var li = element("li", "report-card");
      var h = element("h2", "report-card-title");
      var a = element("a", null, doc[0]);
      a.href = root + doc[1];
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(element("p", "meta", [doc[2], doc[3]].filter(Boolean).join(" · ")));
      if (doc[4]) li.appendChild(element("p", "summary", doc[4]));
      return li;
    }
    function show(state) {
      var f = chosen();
      var found = index.results(state, f);
      showFilters(found.counts, f);
      filters.hidden = state.matches.length === 0;
      var list = found.list, upto = Math.min(list.length, shown);
      var from = index.searchedFrom(state);
      status.textContent = (list.length === 1 ? "1 report found" : list.length + " reports found") +
        (from ? " in reports from " + from[1] + " on" : "") + "." +
        (list.length > upto ? " The first " + upto + " are shown." : "");
      olderButton.hidden = !from;
      moreButton.hidden = list.length <= upto;
      return Promise.all(list.slice(0, upto).map(function (m) { return index.doc(m.id); })).then(function (docs) {
        if (state !== search) return;
        results.textContent = "";
        docs.forEach(function (doc) { results.appendChild(card(doc)); });
      });
    }
    function failed() { status.textContent = "The search index could not be loaded."; }
    function remember() {
      var params = new URLSearchParams();
      params.set("q", input.value);
      var f = chosen();
      Object.keys(f).forEach(function (k) { if (f[k]) params.set(k, f[k]); });
      history.replaceState(null, "", "?" + params.toString());
    }
    function run() {
      var mine = ++asked;
      results.textContent = "";
      filters.hidden = moreButton.hidden = olderButton.hidden = true;
      status.textContent = "Searching…";
      shown = PAGE;
      index.start(input.value).then(function (state) {
        if (mine !== asked) return;
        search = state;
        if (!state) {
          status.textContent = input.value.trim() ? "Type words of at least two letters." : "";
          return;
        }
        return show(state);
      }).catch(failed);
    }

    var typing = null;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(typing);
      remember();
      run();
    });
    input.addEventListener("input", function () {
      if (!index.meta()) return;
      clearTimeout(typing);
      typing = setTimeout(function () { remember(); run(); }, 250);
    });
    Object.keys(selects).forEach(function (k) {
      selects[k].addEventListener("change", function () {
        if (!search) return;
        shown = PAGE;
        remember();
        show(search).catch(failed);
      });
    });
    moreButton.addEventListener("click", function () {
      if (!search) return;
      shown += PAGE;
      show(search).catch(failed);
    });
    olderButton.addEventListener("click", function () {
      var state = search;
      if (!state) return;
      status.textContent = "Searching older reports…";
      index.older(state).then(function () { if (state === search) return show(state); }).catch(failed);
    });
    var params = new URLSearchParams(location.search);
    Object.keys(selects).forEach(function (k) {
      var v = params.get(k);
      if (v) {
        var o = document.createElement("option");
        o.value = v; o.textContent = v;
        selects[k].appendChild(o);
        selects[k].value = v;
      }
    });
    var q = params.get("q");
    if (q) { input.value = q; run(); }
  }
})();
