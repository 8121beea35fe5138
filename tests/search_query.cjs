// Runs one query with the theme's search.js over a built search index, as the search
// page does, and prints what it found as JSON (for tests/search.rs and the unit tests
// of src/render/search.rs):
//   node search_query.cjs SEARCH_JS SEARCH_DIR QUERY [FILTERS_JSON] [OLDER]
// FILTERS_JSON: {"region": name, "country": name, "month": "YYYY-MM"}; OLDER: how many
// times to press "Search older reports". Prints
//   {"titles": [...], "docs": [[title, path, date, region, summary], ...],
//    "from": month or null, "requests": [files read], "counts": {region, country, month}}
// or null when the query has no word to search for.
'use strict';
const fs = require('fs');
const path = require('path');
const [js, dir, query, filters, older] = process.argv.slice(2);
const core = require(path.resolve(js));
const requests = [];
const index = core.searcher((p, json) => {
  requests.push(p);
  const bytes = fs.readFileSync(path.join(dir, p));
  return Promise.resolve(json ? JSON.parse(bytes.toString('utf8')) : new Uint8Array(bytes));
});
(async () => {
  const state = await index.start(query);
  if (!state) { console.log('null'); return; }
  for (let i = 0; i < Number(older || 0); i++) await index.older(state);
  const found = index.results(state, JSON.parse(filters || '{}'));
  const docs = await Promise.all(found.list.map((m) => index.doc(m.id)));
  const meta = index.meta();
  const named = (counts, name) =>
    Object.fromEntries(Object.entries(counts).map(([k, v]) => [name(k), v]));
  console.log(JSON.stringify({
    titles: docs.map((d) => d[0]),
    docs,
    from: index.searchedFrom(state),
    requests,
    counts: {
      region: named(found.counts.region, (k) => meta.regions[k]),
      country: named(found.counts.country, (k) => meta.countries[k]),
      month: named(found.counts.month, (k) => meta.months[k][0]),
    },
  }));
})().catch((e) => { console.error(e); process.exit(1); });
